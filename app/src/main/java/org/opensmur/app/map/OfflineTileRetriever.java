package org.opensmur.app.map;

import com.gluonhq.maps.tile.TileRetriever;
import java.io.ByteArrayInputStream;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import javafx.scene.image.Image;
import javafx.scene.image.PixelWriter;
import javafx.scene.image.WritableImage;
import javafx.scene.paint.Color;
import org.opensmur.store.maps.MapPackage;

/**
 * Gluon Maps' tiles from the tablet's offline map package (MBTiles or a {@code z/x/y} folder), never from the
 * network; a plain grid where the package has no tile or none is installed. Tiles are read off the UI thread.
 * Registered in META-INF/services for Gluon Maps' ServiceLoader, which builds it: the package is handed over
 * through {@link #use}.
 */
public final class OfflineTileRetriever implements TileRetriever {

    private static final int SIZE = 256;
    private static volatile MapPackage installed;
    private static final ExecutorService READER = Executors.newSingleThreadExecutor(r -> {
        Thread thread = new Thread(r, "map-tiles");
        thread.setDaemon(true);
        return thread;
    });
    private static volatile Image grid;

    /** The package the map reads from now on ({@code null}: none installed, the grid). */
    public static void use(MapPackage map) {
        installed = map;
    }

    /**
     * The package at {@code tiles} for the map screen (the composition root's): opening it (off the UI thread)
     * has the map read its tiles, closing it the grid again.
     */
    public static MapViewModel.MapPackages packages(Path tiles) {
        return () -> {
            MapPackage map = MapPackage.open(tiles).orElse(null);
            use(map);
            return Optional.ofNullable(map).map(opened -> new MapViewModel.MapPackages.Opened() {
                @Override
                public String description() {
                    return opened.description();
                }

                @Override
                public void close() {
                    use(null);
                    opened.close();
                }
            });
        };
    }

    @Override
    public CompletableFuture<Image> loadTile(int zoom, long x, long y) {
        MapPackage map = installed;
        if (map == null) {
            return CompletableFuture.completedFuture(grid());
        }
        return CompletableFuture.supplyAsync(() -> map.tile(zoom, x, y)
                .map(bytes -> new Image(new ByteArrayInputStream(bytes)))
                .filter(image -> !image.isError())
                .orElseGet(OfflineTileRetriever::grid), READER);
    }

    private static Image grid() {
        Image made = grid;
        if (made == null) {
            WritableImage image = new WritableImage(SIZE, SIZE);
            PixelWriter pixels = image.getPixelWriter();
            Color ground = Color.web("#e8e4da");
            Color line = Color.web("#c9c3b3");
            for (int i = 0; i < SIZE; i++) {
                for (int j = 0; j < SIZE; j++) {
                    pixels.setColor(i, j, i % 64 == 0 || j % 64 == 0 ? line : ground);
                }
            }
            grid = made = image;
        }
        return made;
    }
}
