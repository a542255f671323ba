package org.opensmur.store.maps;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.sqlite.SQLiteConfig;

/**
 * An offline map package: an MBTiles file (one SQLite file, the format osmdroid, QGIS, TileMill and most
 * offline map tools write), or a folder of {@code z/x/y.png} tiles. Configured per tablet: a path to an
 * {@code .mbtiles} file, or a folder holding one (the first by name) or holding the {@code z/x/y} layout.
 * Read only; safe to call from several threads.
 */
public sealed interface MapPackage extends AutoCloseable {

    /** The tile's image bytes (PNG or JPEG) in the XYZ scheme (y from the north), empty when the package lacks it. */
    Optional<byte[]> tile(int zoom, long x, long y);

    /** What the crew is told the map is ("Pays de la Loire, zoom 8–16"). */
    String description();

    @Override
    void close();

    /**
     * The package at {@code path}, or empty when none is there (no file, an empty folder). A file that is
     * not an MBTiles package is refused with the reason, never shown as a blank map.
     */
    static Optional<MapPackage> open(Path path) {
        if (path == null || Files.notExists(path)) {
            return Optional.empty();
        }
        if (Files.isRegularFile(path)) {
            return Optional.of(MbTiles.open(path));
        }
        try (Stream<Path> files = Files.list(path)) {
            Optional<Path> mbtiles = files.filter(f -> f.getFileName().toString().endsWith(".mbtiles") && Files.isRegularFile(f))
                    .min(Comparator.comparing(Path::toString));
            if (mbtiles.isPresent()) {
                return Optional.of(MbTiles.open(mbtiles.get()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try (Stream<Path> entries = Files.list(path)) {
            List<String> zooms = entries.map(p -> p.getFileName().toString()).filter(n -> n.matches("\\d{1,2}")).sorted().toList();
            return zooms.isEmpty() ? Optional.empty() : Optional.of(new TileFolder(path, zooms));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** An MBTiles 1.3 file: {@code tiles(zoom_level, tile_column, tile_row, tile_data)}, rows in the TMS scheme (y from the south). */
    final class MbTiles implements MapPackage {
        private final Connection connection;
        private final String description;

        private MbTiles(Connection connection, String description) {
            this.connection = connection;
            this.description = description;
        }

        static MbTiles open(Path file) {
            SQLiteConfig config = new SQLiteConfig();
            config.setReadOnly(true);
            try {
                Connection connection = config.createConnection("jdbc:sqlite:" + file.toAbsolutePath());
                String name = file.getFileName().toString();
                String zooms = "";
                try (var statement = connection.createStatement();
                     ResultSet rows = statement.executeQuery("SELECT name, value FROM metadata WHERE name IN ('name', 'minzoom', 'maxzoom')")) {
                    String min = null;
                    String max = null;
                    while (rows.next()) {
                        switch (rows.getString(1)) {
                            case "name" -> name = rows.getString(2);
                            case "minzoom" -> min = rows.getString(2);
                            case "maxzoom" -> max = rows.getString(2);
                            default -> { }
                        }
                    }
                    zooms = min != null && max != null ? " (zoom " + min + "–" + max + ")" : "";
                } catch (SQLException e) {
                    connection.close();
                    throw new IllegalArgumentException(file.getFileName() + " is not an MBTiles map package (no metadata table)", e);
                }
                return new MbTiles(connection, name + zooms);
            } catch (SQLException e) {
                throw new IllegalArgumentException(file.getFileName() + " cannot be opened as an MBTiles map package: " + e.getMessage(), e);
            }
        }

        @Override
        public synchronized Optional<byte[]> tile(int zoom, long x, long y) {
            long tmsRow = (1L << zoom) - 1 - y;
            try (PreparedStatement query = connection.prepareStatement(
                    "SELECT tile_data FROM tiles WHERE zoom_level = ? AND tile_column = ? AND tile_row = ?")) {
                query.setInt(1, zoom);
                query.setLong(2, x);
                query.setLong(3, tmsRow);
                try (ResultSet row = query.executeQuery()) {
                    return row.next() ? Optional.ofNullable(row.getBytes(1)) : Optional.empty();
                }
            } catch (SQLException e) {
                return Optional.empty(); // a damaged package shows no tile there, never stops the map
            }
        }

        @Override
        public String description() {
            return description;
        }

        @Override
        public synchronized void close() {
            try {
                connection.close();
            } catch (SQLException e) {
                // read only: nothing to lose
            }
        }
    }

    /** A folder laid out {@code z/x/y.png} (XYZ scheme). */
    record TileFolder(Path root, List<String> zooms) implements MapPackage {
        @Override
        public Optional<byte[]> tile(int zoom, long x, long y) {
            Path file = root.resolve(zoom + "/" + x + "/" + y + ".png").normalize();
            if (!file.startsWith(root.normalize()) || !Files.isRegularFile(file)) {
                return Optional.empty();
            }
            try {
                return Optional.of(Files.readAllBytes(file));
            } catch (IOException e) {
                return Optional.empty();
            }
        }

        @Override
        public String description() {
            return root.getFileName() + " (zoom " + zooms.get(0) + "–" + zooms.get(zooms.size() - 1) + ")";
        }

        @Override
        public void close() {
        }
    }
}
