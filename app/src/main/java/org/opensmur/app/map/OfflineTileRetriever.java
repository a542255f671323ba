package org.opensmur.app.map;

import com.gluonhq.maps.tile.TileRetriever;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import javafx.scene.image.Image;
import javafx.scene.image.PixelWriter;
import javafx.scene.image.WritableImage;
import javafx.scene.paint.Color;

/**
 * Gluon Maps' tiles from disk, never from the network: a configured folder ({@code opensmur.tiles}
 * system property or {@code OPENSMUR_TILES}, laid out {@code z/x/y.png}), then the tiles shipped in
 * assets, then a plain grid tile, so the map screen works with no coverage at all.
 * Registered in META-INF/services for Gluon Maps' ServiceLoader.
 */
public final class OfflineTileRetriever implements TileRetriever {

    private static final int SIZE = 256;

    @Override
    public CompletableFuture<Image> loadTile(int zoom, long x, long y) {
        String relative = zoom + "/" + x + "/" + y + ".png";
        String folder = System.getProperty("opensmur.tiles", System.getenv("OPENSMUR_TILES"));
        try {
            if (folder != null) {
                Path file = Path.of(folder).resolve(relative).normalize();
                if (file.startsWith(Path.of(folder).normalize()) && Files.isRegularFile(file)) {
                    try (InputStream in = Files.newInputStream(file)) {
                        return CompletableFuture.completedFuture(new Image(in));
                    }
                }
            }
            try (InputStream in = OfflineTileRetriever.class.getResourceAsStream("/org/opensmur/assets/tiles/" + relative)) {
                if (in != null) {
                    return CompletableFuture.completedFuture(new Image(in));
                }
            }
        } catch (Exception e) {
            // a damaged tile file: show the grid instead
        }
        return CompletableFuture.completedFuture(grid());
    }

    private static Image grid() {
        WritableImage image = new WritableImage(SIZE, SIZE);
        PixelWriter pixels = image.getPixelWriter();
        Color ground = Color.web("#e8e4da");
        Color line = Color.web("#c9c3b3");
        for (int i = 0; i < SIZE; i++) {
            for (int j = 0; j < SIZE; j++) {
                pixels.setColor(i, j, i % 64 == 0 || j % 64 == 0 ? line : ground);
            }
        }
        return image;
    }
}
