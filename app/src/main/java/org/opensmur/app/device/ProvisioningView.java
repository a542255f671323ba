package org.opensmur.app.device;

import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.PasswordField;
import javafx.scene.control.TextArea;
import javafx.scene.layout.VBox;
import org.opensmur.app.ui.Labels;

/** The device's first start: the bundle, the one-time password, and each problem beside its field. */
public final class ProvisioningView extends VBox {

    public ProvisioningView(ProvisioningViewModel model, Labels labels) {
        super(12);
        setPadding(new Insets(24));
        getStyleClass().add("provisioning");
        Label title = new Label(model.words("title"));
        title.getStyleClass().add("title");
        Label help = new Label(model.words("help"));
        help.setWrapText(true);
        TextArea bundle = new TextArea();
        bundle.setId("provision-bundle");
        bundle.setPromptText(labels.get("provision.bundle"));
        bundle.setPrefRowCount(6);
        bundle.setWrapText(true);
        Label bundleProblem = problem("provision-bundle-problem", model.bundleProblemProperty());
        PasswordField password = new PasswordField();
        password.setId("provision-password");
        password.setPromptText(labels.get("provision.password"));
        password.getStyleClass().add("touch-field");
        Label passwordProblem = problem("provision-password-problem", model.passwordProblemProperty());
        ListView<String> settings = new ListView<>(model.settingProblems());
        settings.setId("provision-setting-problems");
        settings.setPrefHeight(140);
        settings.visibleProperty().bind(javafx.beans.binding.Bindings.isNotEmpty(model.settingProblems()));
        settings.managedProperty().bind(settings.visibleProperty());
        Button importButton = new Button(model.words("import"));
        importButton.setId("provision-import");
        importButton.getStyleClass().addAll("big-button", "accept");
        importButton.disableProperty().bind(model.busyProperty());
        importButton.setOnAction(e -> {
            char[] typed = password.getText().toCharArray();
            model.importBundle(bundle.getText(), typed);
            java.util.Arrays.fill(typed, '\0');
        });
        Label state = new Label();
        state.setId("provision-state");
        state.textProperty().bind(model.stateProperty());
        getChildren().addAll(title, help, new Label(labels.get("provision.bundle")), bundle, bundleProblem,
                new Label(labels.get("provision.password")), password, passwordProblem, settings, importButton, state);
    }

    private static Label problem(String id, javafx.beans.value.ObservableValue<String> text) {
        Label label = new Label();
        label.setId(id);
        label.getStyleClass().add("error-text");
        label.setWrapText(true);
        label.textProperty().bind(text);
        label.managedProperty().bind(label.textProperty().isNotEmpty());
        return label;
    }
}
