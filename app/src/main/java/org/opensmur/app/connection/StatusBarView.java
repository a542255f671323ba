package org.opensmur.app.connection;

import javafx.css.PseudoClass;
import javafx.geometry.Insets;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;

/** Connection, outbox and device warnings on one line, always on top; the last error whole on a line below. */
public final class StatusBarView extends javafx.scene.layout.VBox {

    private static final PseudoClass OFFLINE = PseudoClass.getPseudoClass("offline");

    public StatusBarView(StatusBarViewModel model) {
        getStyleClass().add("status-bar");
        HBox row = new HBox(16);
        setPadding(new Insets(6, 12, 6, 12));
        Label connection = new Label();
        connection.setId("connection-state");
        connection.textProperty().bind(model.connectionProperty());
        // The whole strip changes colour when the link is down: a crew sees it at a glance, not by reading.
        model.onlineProperty().addListener((o, was, is) -> pseudoClassStateChanged(OFFLINE, !is));
        pseudoClassStateChanged(OFFLINE, !model.onlineProperty().get());
        javafx.css.PseudoClass failed = javafx.css.PseudoClass.getPseudoClass("failed");
        model.failedProperty().addListener((o, was, is) -> pseudoClassStateChanged(failed, is));
        pseudoClassStateChanged(failed, model.failedProperty().get());
        Label waiting = new Label();
        waiting.setId("outbox-waiting");
        waiting.textProperty().bind(model.waitingTextProperty());
        Label error = new Label();
        error.setId("last-error");
        error.getStyleClass().add("error-text");
        error.textProperty().bind(model.lastErrorProperty());
        // A line of its own, the window's width, always there: an error arriving never moves the screen below.
        error.setMinHeight(Region.USE_PREF_SIZE);
        Label warning = new Label();
        warning.setId("device-warning");
        warning.getStyleClass().add("error-text");
        warning.textProperty().bind(model.warningProperty());
        // The link and the queue are never cut short; long warnings and errors are.
        connection.setMinWidth(Region.USE_PREF_SIZE);
        waiting.setMinWidth(Region.USE_PREF_SIZE);
        Label unconfirmed = new Label();
        unconfirmed.setId("outbox-unconfirmed");
        unconfirmed.getStyleClass().add("unconfirmed");
        unconfirmed.textProperty().bind(model.unconfirmedProperty());
        unconfirmed.setMinWidth(Region.USE_PREF_SIZE);
        unconfirmed.managedProperty().bind(unconfirmed.textProperty().isNotEmpty());
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        row.getChildren().addAll(connection, waiting, unconfirmed, warning, gap);
        getChildren().addAll(row, error);
    }
}
