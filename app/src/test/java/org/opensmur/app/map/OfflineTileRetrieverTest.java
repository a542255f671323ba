package org.opensmur.app.map;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import javafx.application.Platform;
import javafx.scene.image.Image;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Tiles come from the installed package (here a z/x/y folder) when it has them, else a plain grid: never from the network. */
class OfflineTileRetrieverTest {

    @BeforeAll
    static void toolkit() {
        try {
            Platform.startup(() -> { });
        } catch (IllegalStateException alreadyStarted) {
            // another test class of this JVM started it
        }
    }

    @AfterEach
    void forget() {
        OfflineTileRetriever.use(null);
    }

    @Test
    void aTileInTheFolderIsUsedAndAMissingOneIsAGrid(@TempDir Path dir) throws Exception {
        Path tile = dir.resolve("13/4062/2881.png");
        Files.createDirectories(tile.getParent());
        BufferedImage red = new BufferedImage(256, 256, BufferedImage.TYPE_INT_RGB);
        for (int x = 0; x < 256; x++) {
            for (int y = 0; y < 256; y++) {
                red.setRGB(x, y, 0xFF0000);
            }
        }
        ImageIO.write(red, "png", tile.toFile());
        OfflineTileRetriever tiles = new OfflineTileRetriever();
        Image none = tiles.loadTile(13, 4062, 2881).get();
        assertEquals(0.0, none.getPixelReader().getColor(100, 100).getGreen() - none.getPixelReader().getColor(100, 100).getRed(), 0.2,
                "no package installed: the grid, not the tile of a folder nobody configured");
        org.opensmur.store.maps.MapPackage folder = org.opensmur.store.maps.MapPackage.open(dir).orElseThrow();
        OfflineTileRetriever.use(folder);

        Image fromFolder = tiles.loadTile(13, 4062, 2881).get();
        assertEquals(1.0, fromFolder.getPixelReader().getColor(100, 100).getRed(), 0.01);
        assertEquals(0.0, fromFolder.getPixelReader().getColor(100, 100).getGreen(), 0.01);

        Image missing = tiles.loadTile(13, 4063, 2881).get();
        assertEquals(256, missing.getWidth());
        assertEquals(missing.getPixelReader().getColor(0, 0), missing.getPixelReader().getColor(64, 10), "grid lines");
        org.junit.jupiter.api.Assertions.assertNotEquals(missing.getPixelReader().getColor(10, 10), missing.getPixelReader().getColor(0, 0), "ground between lines");
    }
}
