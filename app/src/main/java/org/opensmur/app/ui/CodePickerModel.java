package org.opensmur.app.ui;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.opensmur.core.nomenclature.Nomenclature;
import org.opensmur.core.nomenclature.NomenclatureFolder;
import org.opensmur.core.nomenclature.NomenclatureList;
import org.opensmur.core.nomenclature.NomenclatureSearch;

/**
 * What one searchable picker knows: the list it picks from (a list installed on the tablet, or one the model
 * itself fixes), the code picked ({@link #valueProperty}, {@code ""} when none), what the crew searches for and
 * what it finds (by code or words, accents and case ignored, the codes most picked on this tablet first), and
 * why a code is refused ("Code I21ZZZZ absent de la liste des diagnostics SMUR version 1a2b3c4d5e6f"). When the
 * list is not installed it says which one and how to install it, and takes the crew's text where the model
 * allows free text. The list and the counts are read off the UI thread ({@link Background}).
 */
public final class CodePickerModel {

    /** How many rows a search shows (the best first). */
    static final int SHOWN = 50;

    private final NomenclatureList list;
    private final NomenclatureFolder folder;
    private final Background background;
    private final Labels labels;
    private final String title;
    private Nomenclature nomenclature;
    private Map<String, Integer> usage = Map.of();
    private final StringProperty value = new SimpleStringProperty("");
    private final StringProperty query = new SimpleStringProperty("");
    private final StringProperty message = new SimpleStringProperty("");
    private final StringProperty shown = new SimpleStringProperty("");
    private final ReadOnlyBooleanWrapper missing = new ReadOnlyBooleanWrapper(false);
    private final ObservableList<Nomenclature.Entry> results = FXCollections.observableArrayList();
    private Consumer<String> chosen = code -> {
    };

    private CodePickerModel(NomenclatureList list, NomenclatureFolder folder, Nomenclature fixed, Background background, Labels labels,
                            String title) {
        this.list = list;
        this.folder = folder;
        this.nomenclature = fixed;
        this.background = background;
        this.labels = labels;
        this.title = title;
        query.addListener((o, was, is) -> search());
        value.addListener((o, was, is) -> describe());
        if (fixed != null) {
            search();
        }
    }

    /** A picker over {@code list} as installed in {@code folder}; {@link #load} reads it. */
    public static CodePickerModel installed(NomenclatureList list, NomenclatureFolder folder, Background background, Labels labels) {
        CodePickerModel model = new CodePickerModel(list, folder, null, background, labels, labels.get("list." + list.id()));
        model.load();
        return model;
    }

    /**
     * A picker over a list the model fixes (the RS-RPIS's care levels, sexes, countries): {@code codes} in words from
     * {@code words}, {@code title} its name in the bundles ({@code list.<title>}).
     */
    public static CodePickerModel fixed(String title, List<String> codes, java.util.function.Function<String, String> words, String source,
                                        Background background, Labels labels) {
        List<Nomenclature.Entry> entries = codes.stream().map(c -> new Nomenclature.Entry(c, List.of(words.apply(c)), "")).toList();
        return new CodePickerModel(null, null, new Nomenclature(null, source, source, entries), background, labels, labels.get("list." + title));
    }

    /** Reads the installed list again (after an installation, at a screen's opening). */
    public void load() {
        if (folder == null) {
            return;
        }
        background.run(() -> new Loaded(folder.load(list), folder.usage(list), folder.problem(list)), loaded -> {
            nomenclature = loaded.list().orElse(null);
            usage = loaded.usage();
            missing.set(nomenclature == null);
            message.set(nomenclature == null ? missingWords(loaded.problem()) : "");
            search();
            describe();
        }, e -> message.set(missingWords(Optional.of(e.getMessage()))));
    }

    private record Loaded(Optional<Nomenclature> list, Map<String, Integer> usage, Optional<String> problem) {
    }

    private String missingWords(Optional<String> problem) {
        String file = list.hub() ? "HubSante." + list.id() + ".csv" : list.id() + ".csv";
        String said = labels.format(list.freeText() ? "picker.missing.free" : "picker.missing", title, file);
        return problem.map(p -> said + " (" + p + ")").orElse(said);
    }

    private void search() {
        results.setAll(nomenclature == null ? List.of() : NomenclatureSearch.search(nomenclature, query.get(), usage, SHOWN));
    }

    private void describe() {
        String code = value.get();
        if (code == null || code.isEmpty()) {
            shown.set("");
            return;
        }
        String said = fallback.apply(code);
        shown.set(entry(code).map(e -> labels.format("picker.shown", e.label(), e.code()))
                .orElse(said == null || said.isBlank() ? code : labels.format("picker.shown", said, code)));
    }

    private java.util.function.Function<String, String> fallback = code -> null;

    /**
     * The words of a code the list does not have (the label the SAMU's case gave with it), read whenever the value
     * is shown; {@link #refresh} after they change.
     */
    public void wordsOutsideTheList(java.util.function.Function<String, String> words) {
        this.fallback = words;
        describe();
    }

    /** Shows the value again (its words changed). */
    public void refresh() {
        describe();
    }

    /** The entry of {@code code} in the list, if the list is there and has it. */
    public Optional<Nomenclature.Entry> entry(String code) {
        return nomenclature == null ? Optional.empty() : nomenclature.entry(code);
    }

    /** The crew picked {@code entry} (a tap on its row, Enter on it). */
    public void choose(Nomenclature.Entry entry) {
        message.set("");
        query.set("");
        value.set(entry.code());
        if (folder != null) {
            String code = entry.code();
            usage = new java.util.HashMap<>(usage);
            usage.merge(code, 1, Integer::sum);
            background.run(() -> folder.used(list, code));
        }
        chosen.accept(entry.code());
    }

    /**
     * What was typed in the search, confirmed (Enter): a code of the list, else the best match, else refused with
     * its reason; with no list installed, the text itself where the model takes free text. True when a value was
     * taken.
     */
    public boolean submit() {
        String typed = query.get() == null ? "" : query.get().strip();
        if (typed.isEmpty()) {
            return false;
        }
        if (nomenclature != null) {
            Optional<Nomenclature.Entry> exact = nomenclature.entries().stream().filter(e -> e.code().equalsIgnoreCase(typed)).findFirst();
            if (exact.isPresent()) {
                choose(exact.get());
                return true;
            }
            if (looksLikeCode(typed) || results.isEmpty()) {
                message.set(refusal(typed));
                return false;
            }
            choose(results.get(0));
            return true;
        }
        if (list == null || !list.freeText()) {
            message.set(missingWords(Optional.empty()));
            return false;
        }
        String free = list == NomenclatureList.DIAGNOSTIC ? typed.toUpperCase(Locale.ROOT).replace(" ", "") : typed;
        if (!list.pattern().matcher(free).matches()) {
            message.set(labels.format("picker.badFree", typed, title));
            return false;
        }
        message.set("");
        query.set("");
        value.set(free);
        chosen.accept(free);
        return true;
    }

    /** Why {@code code} is not taken: absent from the list as installed (its version named), or nothing found for words. */
    public String refusal(String code) {
        return looksLikeCode(code)
                ? labels.format("picker.absent", code.strip().toUpperCase(Locale.ROOT), title, nomenclature.version())
                : labels.format("picker.noMatch", title, nomenclature.version(), code.strip());
    }

    /** Typed as a code (no space, a digit in it): "I21ZZZZ", "C11.06.00", "FR". */
    private boolean looksLikeCode(String typed) {
        String t = typed.strip();
        return !t.contains(" ") && (t.chars().anyMatch(Character::isDigit) || list == null && t.length() <= 3);
    }

    /** Whether {@code code} may be the value: in the list installed, or free text where no list is and the model allows it. */
    public boolean accepts(String code) {
        if (nomenclature != null) {
            return nomenclature.entry(code).isPresent();
        }
        return list != null && list.freeText() && list.pattern().matcher(code).matches();
    }

    /** Called with each code the crew picks (a list of several takes it and empties the picker). */
    public void onChosen(Consumer<String> then) {
        this.chosen = then;
    }

    /** Each code picked joins {@code values} (once) and the picker is empty again, for one more. */
    public CodePickerModel addingTo(ObservableList<String> values) {
        onChosen(code -> {
            if (!values.contains(code)) {
                values.add(code);
            }
            value.set("");
        });
        return this;
    }

    /** The picked code ({@code ""}: none). */
    public StringProperty valueProperty() {
        return value;
    }

    /** The picked code in words ("Malaise — C11.06.00"); the code as it is when the list does not have it. */
    public ReadOnlyStringProperty shownProperty() {
        return shown;
    }

    public StringProperty queryProperty() {
        return query;
    }

    public ObservableList<Nomenclature.Entry> results() {
        return results;
    }

    /** Why the last code was refused, or which list is missing and how to install it ({@code ""}: nothing to say). */
    public ReadOnlyStringProperty messageProperty() {
        return message;
    }

    /** No list installed for this picker. */
    public ReadOnlyBooleanProperty missingProperty() {
        return missing.getReadOnlyProperty();
    }

    /** The list's name, version and source ("Liste des motifs de recours · version 1a2b… · source : …"). */
    public String about() {
        return nomenclature == null ? title : labels.format("picker.about", title, nomenclature.version(), nomenclature.source());
    }

    public String title() {
        return title;
    }

    /** Whether this picker's list is one of the tablet's installed lists (not one the model fixes). */
    public Optional<NomenclatureList> list() {
        return Optional.ofNullable(list);
    }
}
