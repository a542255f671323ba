package org.opensmur.app.device;

import java.util.Arrays;
import java.util.List;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.opensmur.app.ui.Background;
import org.opensmur.app.ui.Labels;

/**
 * The first start of a device: the crew (or the integrator) pastes the provisioning bundle (a file's content,
 * or a QR code's text) and types the one-time password; the import runs in the background; each problem
 * shows beside what to correct: the bundle, the password, or the Hub setting it names. The same screen, after
 * the PIN, imports a new identity ({@link #renewal}): checked the same way, kept beside the current one.
 */
public final class ProvisioningViewModel {

    /** What imports a bundle: the problems, none when it was kept. */
    @FunctionalInterface
    public interface Importer {
        List<Provisioning.Problem> importBundle(String bundle, char[] oneTimePassword);
    }

    private final Importer provisioning;
    /** {@code provision} or {@code renewal}: the words of the title, help, button and outcome. */
    private final String words;
    private final Background background;
    private final Labels labels;
    private final Runnable done;
    private final StringProperty bundleProblem = new SimpleStringProperty("");
    private final StringProperty passwordProblem = new SimpleStringProperty("");
    private final ObservableList<String> settingProblems = FXCollections.observableArrayList();
    private final StringProperty state = new SimpleStringProperty("");
    private final BooleanProperty busy = new SimpleBooleanProperty();

    public ProvisioningViewModel(Provisioning provisioning, Background background, Labels labels, Runnable done) {
        this(provisioning::importBundle, "provision", background, labels, done);
    }

    /**
     * After the PIN: a new identity (renewal, a new vhost, the IGC Santé migration) imported beside the current
     * one by {@code renewal} (the composition root's: it seals it under the store's key); the current one serves
     * until the new one has connected.
     */
    public static ProvisioningViewModel renewal(Importer renewal, Background background, Labels labels, Runnable done) {
        return new ProvisioningViewModel(renewal, "renewal", background, labels, done);
    }

    private ProvisioningViewModel(Importer provisioning, String words, Background background, Labels labels, Runnable done) {
        this.provisioning = provisioning;
        this.words = words;
        this.background = background;
        this.labels = labels;
        this.done = done;
    }

    public void importBundle(String bundle, char[] oneTimePassword) {
        if (busy.get()) {
            return;
        }
        bundleProblem.set("");
        passwordProblem.set("");
        settingProblems.clear();
        if (bundle == null || bundle.isBlank()) {
            bundleProblem.set(labels.get("provision.bundle.missing"));
            return;
        }
        busy.set(true);
        state.set(labels.get("provision.importing"));
        char[] password = oneTimePassword.clone();
        background.run(() -> {
            try {
                return provisioning.importBundle(bundle, password);
            } finally {
                Arrays.fill(password, '\0');
            }
        }, this::imported, e -> {
            busy.set(false);
            state.set("");
            bundleProblem.set(e.getMessage());
        });
    }

    private void imported(List<Provisioning.Problem> problems) {
        busy.set(false);
        if (problems.isEmpty()) {
            state.set(labels.get(words + ".done"));
            done.run();
            return;
        }
        state.set(labels.get("provision.refused"));
        for (Provisioning.Problem problem : problems) {
            switch (problem.field()) {
                case "BUNDLE", "STORAGE" -> bundleProblem.set(problem.message());
                case "PASSWORD" -> passwordProblem.set(labels.get("provision.password.wrong"));
                default -> settingProblems.add(problem.field() + " : " + problem.message());
            }
        }
    }

    /** The words for {@code what} (title, help, import, done) on this screen. */
    public String words(String what) {
        return labels.get(words + "." + what);
    }

    public ReadOnlyStringProperty bundleProblemProperty() {
        return bundleProblem;
    }

    public ReadOnlyStringProperty passwordProblemProperty() {
        return passwordProblem;
    }

    public ObservableList<String> settingProblems() {
        return settingProblems;
    }

    public ReadOnlyStringProperty stateProperty() {
        return state;
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy;
    }
}
