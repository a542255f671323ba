package org.opensmur.app.ui;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;
import org.opensmur.core.tablet.DeliveryState;
import org.opensmur.core.tablet.StorageProblem;
import org.opensmur.core.status.ResourceStatus;

/** The app's words, French by default with an English bundle (assets: org/opensmur/assets/labels/tablet*.properties). */
public final class Labels {

    private final ResourceBundle bundle;
    private final Locale locale;

    public Labels(Locale locale) {
        this.locale = locale;
        this.bundle = ResourceBundle.getBundle("org.opensmur.assets.labels.tablet", locale,
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
    }

    public static Labels french() {
        return new Labels(Locale.FRENCH);
    }

    /**
     * The words of {@code key} as shown. Every label is written as a {@link MessageFormat} pattern (an apostrophe
     * doubled), so the same text reads the same whether it is formatted or not.
     */
    public String get(String key) {
        return pattern(key).replace("''", "'");
    }

    private String pattern(String key) {
        try {
            return bundle.getString(key);
        } catch (MissingResourceException e) {
            return "⟨" + key + "⟩"; // visible in screenshots and tests, never a crash
        }
    }

    /** The language the words are in (names of countries come from the runtime in it). */
    public Locale locale() {
        return locale;
    }

    public String format(String key, Object... args) {
        return new MessageFormat(pattern(key), locale).format(args);
    }

    private static final java.time.format.DateTimeFormatter SECONDS = java.time.format.DateTimeFormatter.ofPattern("HH:mm:ss");

    /** A time of the mission as every screen writes it, to the second ("02:06:00", never "02:06"). */
    public static String time(java.time.temporal.TemporalAccessor at) {
        return SECONDS.format(at);
    }

    /**
     * A Hub code the crew reads, in words ({@code code.<list>.<CODE>} in the bundle); a sub-code without words
     * of its own takes its parent's ({@code AMBULANC.AASC} reads as {@code AMBULANC}); a code the bundles do not
     * know is shown as it came, never guessed.
     */
    public String code(String list, String code) {
        if (code == null || code.isBlank()) {
            return "";
        }
        for (String c = code; ; c = c.substring(0, c.lastIndexOf('.'))) {
            if (bundle.containsKey("code." + list + "." + c)) {
                return get("code." + list + "." + c);
            }
            if (c.indexOf('.') < 0) {
                return code;
            }
        }
    }

    public String status(ResourceStatus status) {
        return get("status." + status.code());
    }

    /** What the crew is told when the store cannot save (never the file names or the SQL). */
    public String storageProblem(StorageProblem problem) {
        return get("storage." + problem.kind().name());
    }

    /** What the crew is told when saving or reading failed: the storage's problem, or "storage.OTHER". */
    public String problem(Throwable failure) {
        return problem(failure, "storage.OTHER");
    }

    /** The same, {@code otherwise}'s label when the failure is not the storage's. */
    public String problem(Throwable failure, String otherwise) {
        return failure instanceof StorageProblem storage ? storageProblem(storage) : get(otherwise);
    }

    public String delivery(DeliveryState state) {
        return get("delivery." + state.name());
    }
}
