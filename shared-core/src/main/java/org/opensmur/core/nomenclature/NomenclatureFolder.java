package org.opensmur.core.nomenclature;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/**
 * The coded lists installed on one tablet, in its data folder ({@code nomenclatures/}, owner only): per list
 * {@code <id>.csv} as it was checked and {@code <id>.properties} saying where it came from, its version (the
 * file's digest), how many codes and when it was installed. Like the offline map, a list is data a SAMU
 * installs, never code: {@link #install} checks a file ({@link Nomenclature#parse}) and keeps nothing of a
 * refused one; {@link #load} reads an installed list again and refuses one whose digest no longer matches.
 * The counts of codes picked on this tablet ({@code usage.properties}, no patient in it) order the pickers.
 * Blocking file I/O: callers keep it off a UI thread.
 */
public final class NomenclatureFolder {

    /** What became of one file offered for installation. */
    public sealed interface Outcome {
        String file();

        /** Checked and installed (replacing the list's earlier version if any). */
        record Installed(String file, Nomenclature nomenclature) implements Outcome {
        }

        /** Refused; nothing of it was kept, the list installed before (if any) stays. */
        record Refused(String file, String reason) implements Outcome {
        }
    }

    private final Path folder;
    /** Each list as last read, with the stamp of its files then (read again once they change: another install). */
    private final Map<NomenclatureList, Read> loaded = new ConcurrentHashMap<>();

    private record Read(String stamp, Optional<Nomenclature> list) {
    }

    public NomenclatureFolder(Path folder) {
        this.folder = folder;
    }

    public Path folder() {
        return folder;
    }

    /**
     * Checks {@code file} as list {@code list} and installs it; {@code source} says where it came from ("HubSante
     * models, commit 1a2b…", "SAMU 44, 2026-11"): it is kept with the list and shown with its version.
     */
    public Outcome install(NomenclatureList list, Path file, String source) {
        String name = file.getFileName().toString();
        Checked checked = checked(list, file, source);
        if (checked.refused() != null) {
            return checked.refused();
        }
        String text = checked.text();
        Nomenclature parsed = checked.parsed();
        try {
            ownerOnlyFolder();
            write(folder.resolve(list.id() + ".csv"), text);
            Properties meta = new Properties();
            meta.setProperty("list", list.id());
            meta.setProperty("source", source);
            meta.setProperty("file", name);
            meta.setProperty("version", parsed.version());
            meta.setProperty("codes", Integer.toString(parsed.entries().size()));
            meta.setProperty("installed", Instant.now().toString());
            try (var out = new java.io.StringWriter()) {
                meta.store(out, null);
                write(folder.resolve(list.id() + ".properties"), out.toString());
            }
        } catch (IOException e) {
            return new Outcome.Refused(name, "cannot be written to " + folder + ": " + e.getMessage());
        }
        loaded.remove(list);
        problems.remove(list);
        return new Outcome.Installed(name, parsed);
    }

    /**
     * What {@link #install} would say of {@code file} as {@code list}, the same checks, nothing written: empty when it
     * would be installed. For callers that install several files or none (a provisioning bundle).
     */
    public Optional<Outcome.Refused> check(NomenclatureList list, Path file, String source) {
        return Optional.ofNullable(checked(list, file, source).refused());
    }

    /** A file read and parsed as {@code list}: its text and list, or why it is refused. */
    private record Checked(String text, Nomenclature parsed, Outcome.Refused refused) {
    }

    private static Checked checked(NomenclatureList list, Path file, String source) {
        String name = file.getFileName().toString();
        String text;
        try {
            text = utf8(file);
        } catch (CharacterCodingException e) {
            return new Checked(null, null, new Outcome.Refused(name, "not UTF-8 text"));
        } catch (IOException e) {
            return new Checked(null, null, new Outcome.Refused(name, "cannot be read: " + e.getMessage()));
        }
        try {
            return new Checked(text, Nomenclature.parse(list, text, source), null);
        } catch (NomenclatureException e) {
            return new Checked(null, null, new Outcome.Refused(name, e.getMessage()));
        }
    }

    /**
     * Installs every file of {@code dir} named as a list ({@code HubSante.fait.csv}, {@code diagnostic.csv}…);
     * other files are left alone. One outcome per list file, in name order.
     */
    public List<Outcome> installAll(Path dir, String source) {
        List<Outcome> outcomes = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path file : files.sorted().toList()) {
                NomenclatureList.forFile(file.getFileName().toString()).ifPresent(list -> outcomes.add(install(list, file, source)));
            }
        } catch (IOException e) {
            outcomes.add(new Outcome.Refused(dir.toString(), "cannot list the folder: " + e.getMessage()));
        }
        return outcomes;
    }

    /**
     * The installed list, read and checked again (its digest against the one recorded at installation): empty when
     * none is installed; a file changed since (or damaged) is refused as not installed, with the reason in
     * {@link #problem}.
     */
    public Optional<Nomenclature> load(NomenclatureList list) {
        String stamp = stamp(list);
        Read known = loaded.get(list);
        if (known != null && known.stamp().equals(stamp)) {
            return known.list();
        }
        problems.remove(list);
        Optional<Nomenclature> read = read(list);
        loaded.put(list, new Read(stamp, read));
        return read;
    }

    /** When and how large the list's files are now ("" when not there): what says a list was installed again. */
    private String stamp(NomenclatureList list) {
        StringBuilder stamp = new StringBuilder();
        for (Path file : List.of(folder.resolve(list.id() + ".csv"), folder.resolve(list.id() + ".properties"))) {
            try {
                stamp.append(Files.getLastModifiedTime(file).toMillis()).append('/').append(Files.size(file)).append(';');
            } catch (IOException e) {
                stamp.append("-;");
            }
        }
        return stamp.toString();
    }

    private final Map<NomenclatureList, String> problems = new ConcurrentHashMap<>();

    /** Why an installed list could not be used (changed since its installation, damaged), if that happened. */
    public Optional<String> problem(NomenclatureList list) {
        load(list);
        return Optional.ofNullable(problems.get(list));
    }

    private Optional<Nomenclature> read(NomenclatureList list) {
        Path csv = folder.resolve(list.id() + ".csv");
        Path properties = folder.resolve(list.id() + ".properties");
        if (!Files.isRegularFile(csv) || !Files.isRegularFile(properties)) {
            return Optional.empty();
        }
        try {
            Properties meta = new Properties();
            try (Reader in = Files.newBufferedReader(properties, StandardCharsets.UTF_8)) {
                meta.load(in);
            }
            String text = utf8(csv);
            Nomenclature parsed = Nomenclature.parse(list, text, meta.getProperty("source", "?"));
            if (!parsed.version().equals(meta.getProperty("version"))) {
                problems.put(list, "the installed file changed since it was installed (version " + meta.getProperty("version")
                        + ", now " + parsed.version() + "): install it again");
                return Optional.empty();
            }
            return Optional.of(parsed);
        } catch (IOException | NomenclatureException e) {
            problems.put(list, "the installed file cannot be used: " + e.getMessage() + " (install it again)");
            return Optional.empty();
        }
    }

    /** How many times each code of {@code list} was picked on this tablet (no patient, no time: a count). */
    public synchronized Map<String, Integer> usage(NomenclatureList list) {
        Properties counts = usage();
        Map<String, Integer> mine = new java.util.HashMap<>();
        String prefix = list.id() + ".";
        counts.stringPropertyNames().stream().filter(k -> k.startsWith(prefix)).forEach(k -> {
            try {
                mine.put(k.substring(prefix.length()), Integer.parseInt(counts.getProperty(k)));
            } catch (NumberFormatException ignored) {
                // a count damaged by hand: that code is counted from zero again
            }
        });
        return mine;
    }

    /** One more pick of {@code code} in {@code list}. */
    public synchronized void used(NomenclatureList list, String code) {
        Properties counts = usage();
        String key = list.id() + "." + code;
        int now;
        try {
            now = Integer.parseInt(counts.getProperty(key, "0"));
        } catch (NumberFormatException e) {
            now = 0;
        }
        counts.setProperty(key, Integer.toString(now + 1));
        try (var out = new java.io.StringWriter()) {
            counts.store(out, "codes picked on this tablet (counts only)");
            ownerOnlyFolder();
            write(folder.resolve("usage.properties"), out.toString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Properties usage() {
        Properties counts = new Properties();
        Path file = folder.resolve("usage.properties");
        if (Files.isRegularFile(file)) {
            try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                counts.load(in);
            } catch (IOException e) {
                return new Properties(); // unreadable counts: the lists keep their own order
            }
        }
        return counts;
    }

    private static String utf8(Path file) throws IOException {
        return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT).decode(java.nio.ByteBuffer.wrap(Files.readAllBytes(file))).toString();
    }

    private static boolean posix() {
        return FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
    }

    private void ownerOnlyFolder() throws IOException {
        if (!Files.isDirectory(folder)) {
            Files.createDirectories(folder);
        }
        if (posix()) {
            Files.setPosixFilePermissions(folder, PosixFilePermissions.fromString("rwx------"));
        }
    }

    /** Written beside, made owner-only, then moved in place: a crash leaves the old file or the new one. */
    private static void write(Path target, String text) throws IOException {
        Path temp = target.resolveSibling(target.getFileName() + ".tmp");
        Files.deleteIfExists(temp);
        if (posix()) {
            Files.createFile(temp, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        }
        try (Writer out = Files.newBufferedWriter(temp, StandardCharsets.UTF_8)) {
            out.write(text);
        }
        try {
            Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
