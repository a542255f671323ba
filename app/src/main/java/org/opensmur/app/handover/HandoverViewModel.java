package org.opensmur.app.handover;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.opensmur.app.bilan.BilanViewModel;
import org.opensmur.app.bilan.VitalSeries;
import org.opensmur.app.ui.Background;
import org.opensmur.app.ui.Labels;
import org.opensmur.tablet.TabletCore;
import org.opensmur.tablet.care.CareGiven;
import org.opensmur.tablet.handover.HandoverEntry;
import org.opensmur.tablet.handover.HandoverSheet;
import org.opensmur.tablet.handover.HandoverSheets;
import org.opensmur.tablet.handover.HandoverTimeline;
import org.opensmur.tablet.mission.MissionCore;
import org.opensmur.tablet.mission.MissionEvent;
import org.opensmur.tablet.mission.Timeline;

/**
 * The handover of the patient on the bilan: the mission in time order (the core assembles it: statuses,
 * vitals series, acts, drugs, messages sent), and its one-page PDF sheet, printed and kept encrypted with
 * the mission, opened from the screen.
 */
public final class HandoverViewModel {

    private final TabletCore core;
    private final MissionCore mission;
    private final BilanViewModel bilan;
    private final Background background;
    private final Labels labels;
    private final Clock clock;
    private final HandoverSheets sheets;
    private final ObservableList<HandoverEntry> entries = FXCollections.observableArrayList();
    /** A line as the screen shows it: its time ("10:42"), its kind ("drug", for the style) and its words, the fact. */
    public record Line(String time, String kind, String kindWords, String text) {
    }

    private final ObservableList<Line> lines = FXCollections.observableArrayList();
    private final StringProperty title = new SimpleStringProperty("");
    private final StringProperty message = new SimpleStringProperty("");
    private final BooleanProperty printed = new SimpleBooleanProperty(false);
    private boolean watching;
    /** No viewer until the app gives one ({@link #openWith}): the screen then says where the copy is. */
    private Consumer<Path> opener = file -> {
        throw new UnsupportedOperationException("no viewer");
    };

    /** @param clock the core's clock (the sheet's time, like every time it shows) */
    public HandoverViewModel(TabletCore core, MissionCore mission, BilanViewModel bilan, Background background, Labels labels, Clock clock) {
        this.core = core;
        this.mission = mission;
        this.bilan = bilan;
        this.background = background;
        this.labels = labels;
        this.clock = clock;
        this.sheets = new HandoverSheets(core.drafts());
        entries.addListener((javafx.collections.ListChangeListener<HandoverEntry>) c -> lines.setAll(entries.stream()
                .map(e -> new Line(java.time.format.DateTimeFormatter.ofPattern("HH:mm").format(e.at()), e.kind().name().toLowerCase(java.util.Locale.ROOT),
                        labels.get("handover.kind." + e.kind().name()), e.text())).toList()));
        // what changes it while it is on screen: an act or a drug, a series, a status, a message's fate
        bilan.care().given().addListener((javafx.collections.ListChangeListener<CareGiven>) c -> changed());
        bilan.earlierSeries().addListener((javafx.collections.ListChangeListener<VitalSeries>) c -> changed());
        bilan.care().aboutProperty().addListener((o, was, is) -> changed()); // another patient, another mission
        core.events().subscribe(MissionEvent.TimelineChanged.class, background::onUi, e -> changed());
        core.onLedgerChange(entry -> background.onUi(this::changed));
    }

    private void changed() {
        if (watching) {
            refresh();
        }
    }

    /** The screen is shown: the timeline read again, and kept up to date from then on. */
    public void shown() {
        watching = true;
        refresh();
    }

    /** Reads the patient's timeline again (the store off the UI thread). */
    public void refresh() {
        String caseId = bilan.care().caseId();
        String patientId = bilan.care().patientId();
        title.set(labels.format("handover.title", patientWords()));
        if (caseId == null) {
            entries.clear();
            printed.set(false);
            message.set(labels.get("handover.noMission"));
            return;
        }
        List<HandoverTimeline.Series> vitals = new ArrayList<>();
        for (VitalSeries series : bilan.seriesTaken()) {
            String described = bilan.describe(series);
            int cut = described.indexOf(" · ");
            vitals.add(new HandoverTimeline.Series(series.taken().atZone(clock.getZone()).toOffsetDateTime(),
                    cut < 0 ? described : described.substring(cut + 3)));
        }
        List<CareGiven> given = List.copyOf(bilan.care().given());
        background.run(() -> {
            Optional<Timeline> statuses = mission.timeline().filter(t -> caseId.equals(t.caseId()));
            var sent = HandoverTimeline.sent(core.ledger().list(caseId, 500), clock.getZone(), e -> labels.delivery(e.state()));
            return new Read(HandoverTimeline.assemble(statuses, labels::status, type -> labels.get("log.out." + type.code()), vitals, given, sent), sheets.last(caseId, patientId).isPresent());
        }, read -> {
            if (Objects.equals(caseId, bilan.care().caseId()) && Objects.equals(patientId, bilan.care().patientId())) {
                entries.setAll(read.entries());
                printed.set(read.printed());
                message.set("");
            }
        }, this::failed);
    }

    private record Read(List<HandoverEntry> entries, boolean printed) {
    }

    /** The patient in words, as the bilan has them ("DUPONT Jean · 54 ans"; "patient inconnu"). */
    String patientWords() {
        String last = value("bilan.lastName");
        String first = value("bilan.firstName");
        String age = value("bilan.age");
        String name = (last.toUpperCase(java.util.Locale.ROOT) + " " + first).strip();
        if (name.isEmpty() || bilan.unknownProperty().get() && (last.isEmpty() || first.isEmpty())) {
            name = labels.get("handover.unknownPatient");
        }
        return age.isEmpty() ? name : name + " · " + age + " " + labels.get("bilan.years");
    }

    private String value(String key) {
        String v = bilan.input(key).valueProperty().get();
        return v == null ? "" : v.strip();
    }

    /** Prints the one-page sheet of what is on screen, kept encrypted with the mission (the last one replaces the one before). */
    public void print() {
        String caseId = bilan.care().caseId();
        String patientId = bilan.care().patientId();
        if (caseId == null) {
            message.set(labels.get("handover.noMission"));
            return;
        }
        List<HandoverEntry> lines = List.copyOf(entries);
        String patient = patientWords();
        String about = "Affaire " + caseId;
        OffsetDateTime now = OffsetDateTime.now(clock);
        background.run(() -> {
            byte[] pdf = HandoverSheet.pdf(patient, about, now, lines);
            sheets.keep(caseId, patientId, pdf, now);
            return now;
        }, at -> {
            printed.set(true);
            message.set(labels.format("handover.printed", Labels.time(at)));
        }, this::failed);
    }

    /**
     * Opens the last sheet printed: a copy readable by the tablet's user only, in a folder of its own, for the
     * system's viewer (JavaFX's host services, given by the app; or to share); the copy is erased when the app stops and replaced at the next opening.
     */
    public void open() {
        String caseId = bilan.care().caseId();
        String patientId = bilan.care().patientId();
        if (caseId == null) {
            message.set(labels.get("handover.noMission"));
            return;
        }
        background.run(() -> sheets.last(caseId, patientId).map(pdf -> {
            try {
                Path folder = Files.createDirectories(Path.of(System.getProperty("java.io.tmpdir"), "opensmur-handover-" + ProcessHandle.current().pid()));
                Path file = folder.resolve("fiche-transmission.pdf");
                Files.deleteIfExists(file);
                try {
                    Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
                } catch (UnsupportedOperationException notPosix) {
                    Files.createFile(file);
                }
                Files.write(file, pdf);
                file.toFile().deleteOnExit();
                folder.toFile().deleteOnExit();
                return file;
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }), file -> {
            if (file.isEmpty()) {
                message.set(labels.get("handover.noSheet"));
                return;
            }
            message.set(labels.format("handover.opened", file.get().getFileName()));
            Path path = file.get();
            background.run(() -> {
                try {
                    opener.accept(path);
                    return true;
                } catch (RuntimeException cannot) {
                    return false;
                }
            }, opened -> {
                if (!opened) {
                    message.set(labels.format("handover.cannotOpen", path));
                }
            }, this::failed);
        }, this::failed);
    }

    /** Who opens a sheet (the system's viewer by default; a test's own). */
    public void openWith(Consumer<Path> opener) {
        this.opener = opener;
    }

    private void failed(RuntimeException e) {
        message.set(labels.problem(e));
    }

    public ObservableList<HandoverEntry> entries() {
        return entries;
    }

    /** The timeline as the screen shows it, in order. */
    public ObservableList<Line> lines() {
        return lines;
    }

    public ReadOnlyStringProperty titleProperty() {
        return title;
    }

    public ReadOnlyStringProperty messageProperty() {
        return message;
    }

    public BooleanProperty printedProperty() {
        return printed;
    }
}
