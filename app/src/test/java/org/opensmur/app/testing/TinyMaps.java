package org.opensmur.app.testing;

import java.io.ByteArrayOutputStream;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.canvas.Canvas;
import javafx.scene.paint.Color;
import javax.imageio.ImageIO;

/**
 * A tiny MBTiles package made for the tests: a few tiles around Nantes at zoom 12–14, drawn (blocks and
 * streets, not map data), stored as the MBTiles tools do (TMS rows). On the JavaFX thread (it draws).
 * The tiles are drawn once per JVM and kept (each flow's @Start writes a package of its own: drawing and
 * encoding the 105 PNGs again each time was a fifth of a flow class's CPU), one per look (18 at most).
 */
public final class TinyMaps {

    /** The PNG of each tile drawn so far, by what its drawing depends on (see {@link #tile}). */
    private static final java.util.Map<String, byte[]> DRAWN = new java.util.concurrent.ConcurrentHashMap<>();

    private TinyMaps() {
    }

    public static Path nantes(Path file) throws Exception {
        try (Connection db = DriverManager.getConnection("jdbc:sqlite:" + file)) {
            db.createStatement().execute("CREATE TABLE metadata (name TEXT, value TEXT)");
            db.createStatement().execute("CREATE TABLE tiles (zoom_level INTEGER, tile_column INTEGER, tile_row INTEGER, tile_data BLOB)");
            db.createStatement().execute("INSERT INTO metadata VALUES ('name', 'Nantes test'), ('format', 'png'), ('minzoom', '12'), ('maxzoom', '14')");
            try (PreparedStatement insert = db.prepareStatement("INSERT INTO tiles VALUES (?, ?, ?, ?)")) {
                for (int zoom = 12; zoom <= 14; zoom++) {
                    long n = 1L << zoom;
                    long cx = (long) Math.floor((-1.5536 + 180) / 360 * n);
                    double lat = Math.toRadians(47.2184);
                    long cy = (long) Math.floor((1 - Math.log(Math.tan(lat) + 1 / Math.cos(lat)) / Math.PI) / 2 * n);
                    for (long x = cx - 3; x <= cx + 3; x++) {
                        for (long y = cy - 2; y <= cy + 2; y++) {
                            insert.setInt(1, zoom);
                            insert.setLong(2, x);
                            insert.setLong(3, n - 1 - y);
                            insert.setBytes(4, drawn(x, y));
                            insert.execute();
                        }
                    }
                }
            }
        }
        return file;
    }

    private static byte[] drawn(long x, long y) throws Exception {
        String key = x % 3 + "/" + y % 3 + "/" + ((x + y) % 4 == 0); // what tile() draws depends on: up to 18 PNGs, not 105
        byte[] png = DRAWN.get(key);
        if (png == null) {
            png = tile(x, y);
            DRAWN.put(key, png);
        }
        return png;
    }

    private static byte[] tile(long x, long y) throws Exception {
        Canvas canvas = new Canvas(256, 256);
        var g = canvas.getGraphicsContext2D();
        g.setFill(Color.web("#f2efe9"));
        g.fillRect(0, 0, 256, 256);
        g.setFill(Color.web("#d9d0c9"));
        for (int i = 0; i < 4; i++) {
            for (int j = 0; j < 4; j++) {
                g.fillRect(8 + i * 64, 8 + j * 64, 48, 48);
            }
        }
        g.setStroke(Color.WHITE);
        g.setLineWidth(6);
        g.strokeLine(0, 128 + (x % 3) * 20, 256, 100 + (y % 3) * 20);
        if ((x + y) % 4 == 0) {
            g.setFill(Color.web("#aad3df")); // water, now and then
            g.fillOval(150, 150, 90, 60);
        }
        var image = canvas.snapshot(null, null);
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        ImageIO.write(SwingFXUtils.fromFXImage(image, null), "png", png);
        return png.toByteArray();
    }
}
