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
import org.opensmur.app.shell.Background;
import org.opensmur.app.shell.Labels;

/**
 * The first start of a device: the crew (or the integrator) pastes the provisioning bundle (a file's content,
 * or a QR code's text) and types the one-time password; the import runs in the background; each problem
 * shows beside what to correct: the bundle, the password, or the Hub setting it names.
 */
public final class ProvisioningViewModel {

    private final Provisioning provisioning;
    private final Background background;
    private final Labels labels;
    private final Runnable done;
    private final StringProperty bundleProblem = new SimpleStringProperty("");
    private final StringProperty passwordProblem = new SimpleStringProperty("");
    private final ObservableList<String> settingProblems = FXCollections.observableArrayList();
    private final StringProperty state = new SimpleStringProperty("");
    private final BooleanProperty busy = new SimpleBooleanProperty();

    public ProvisioningViewModel(Provisioning provisioning, Background background, Labels labels, Runnable done) {
        this.provisioning = provisioning;
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
            state.set(labels.get("provision.done"));
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
