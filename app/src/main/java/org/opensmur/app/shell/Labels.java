package org.opensmur.app.shell;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;
import org.opensmur.core.status.ResourceStatus;
import org.opensmur.store.db.StoreException;
import org.opensmur.store.outbox.DeliveryState;

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

    public String get(String key) {
        try {
            return bundle.getString(key);
        } catch (MissingResourceException e) {
            return "⟨" + key + "⟩"; // visible in screenshots and tests, never a crash
        }
    }

    public String format(String key, Object... args) {
        return new MessageFormat(get(key), locale).format(args);
    }

    public String status(ResourceStatus status) {
        return get("status." + status.code());
    }

    /** What the crew is told when the store cannot save (never the file names or the SQL). */
    public String storageProblem(StoreException problem) {
        return get("storage." + problem.kind().name());
    }

    public String delivery(DeliveryState state) {
        return get("delivery." + state.name());
    }
}
