package org.opensmur.store.maps;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MapPackageTest {

    @TempDir
    Path dir;

    /** A tiny MBTiles file as the tools write it: metadata, and tiles whose rows count from the south (TMS). */
    static Path tinyMbTiles(Path file, int zoom, long x, long tmsRow, byte[] data) throws Exception {
        try (Connection db = DriverManager.getConnection("jdbc:sqlite:" + file)) {
            db.createStatement().execute("CREATE TABLE metadata (name TEXT, value TEXT)");
            db.createStatement().execute("CREATE TABLE tiles (zoom_level INTEGER, tile_column INTEGER, tile_row INTEGER, tile_data BLOB)");
            db.createStatement().execute("INSERT INTO metadata VALUES ('name', 'Nantes test'), ('format', 'png'), ('minzoom', '12'), ('maxzoom', '14')");
            try (PreparedStatement insert = db.prepareStatement("INSERT INTO tiles VALUES (?, ?, ?, ?)")) {
                insert.setInt(1, zoom);
                insert.setLong(2, x);
                insert.setLong(3, tmsRow);
                insert.setBytes(4, data);
                insert.execute();
            }
        }
        return file;
    }

    @Test
    void anMbTilesPackageGivesItsTilesInTheMapsSchemeAndSaysWhatItIs() throws Exception {
        byte[] png = "not really a png".getBytes(StandardCharsets.UTF_8);
        // Zoom 13 around Nantes: x 4060, y (from the north) 2880, so row 8191 - 2880 = 5311 from the south.
        tinyMbTiles(dir.resolve("pays-de-la-loire.mbtiles"), 13, 4060, 5311, png);
        try (MapPackage map = MapPackage.open(dir).orElseThrow()) { // the folder holding it, as a device is set up
            assertArrayEquals(png, map.tile(13, 4060, 2880).orElseThrow(), "the row is flipped from TMS");
            assertTrue(map.tile(13, 4060, 5311).isEmpty(), "and not read unflipped");
            assertTrue(map.tile(12, 0, 0).isEmpty());
            assertEquals("Nantes test (zoom 12–14)", map.description());
        }
    }

    @Test
    void aFolderOfTilesWorksAndNothingThereIsNoPackage() throws Exception {
        assertTrue(MapPackage.open(dir).isEmpty(), "an empty folder: no map installed");
        assertTrue(MapPackage.open(dir.resolve("missing")).isEmpty());
        Path tile = dir.resolve("tiles/13/4060/2880.png");
        Files.createDirectories(tile.getParent());
        Files.write(tile, new byte[] {1, 2, 3});
        try (MapPackage map = MapPackage.open(dir.resolve("tiles")).orElseThrow()) {
            assertArrayEquals(new byte[] {1, 2, 3}, map.tile(13, 4060, 2880).orElseThrow());
            assertTrue(map.tile(13, 4060, 2881).isEmpty());
            assertTrue(map.tile(13, 4060, 2880).isPresent() && map.tile(1, 0, 0).isEmpty());
        }
    }

    @Test
    void aFileThatIsNotAPackageIsRefusedWithTheReason() throws Exception {
        Path junk = Files.writeString(dir.resolve("carte.mbtiles"), "not sqlite");
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class, () -> MapPackage.open(junk));
        assertTrue(refused.getMessage().startsWith("carte.mbtiles"), refused.getMessage());
    }
}
