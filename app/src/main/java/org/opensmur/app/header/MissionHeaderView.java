package org.opensmur.app.header;

import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.opensmur.app.ui.Labels;
import org.opensmur.core.status.ResourceStatus;

/**
 * The mission header on every screen: mission and crew on the left, current status and time since departure,
 * the clock, and on the right the one big "next status" action. Fixed height for a given width: nothing in it
 * ever moves the screen below. On a narrow screen (a tablet held upright) the next-status action goes on a
 * row of its own, the window's width, below the rest.
 */
public final class MissionHeaderView extends VBox {

    /** Below this width, the next-status action has a row of its own. */
    static final double NARROW = 900;
    private static final double ROW = 92;
    private static final double ACTION_ROW = 88;

    /** {@code askCancel}: what the next-status action does when the expected status is ANNULE (asked first). */
    public MissionHeaderView(MissionHeaderViewModel model, Labels labels, Runnable askCancel) {
        getStyleClass().add("mission-header");
        setPadding(new Insets(6, 12, 6, 12));
        HBox row = new HBox(16);
        row.setAlignment(Pos.CENTER_LEFT);
        Label mission = label("header-mission", "header-title");
        mission.textProperty().bind(model.missionProperty());
        Label crew = label("header-crew", "header-detail");
        crew.textProperty().bind(model.crewProperty());
        VBox left = new VBox(2, mission, crew);
        Label current = label("header-current", "header-title");
        current.textProperty().bind(model.currentProperty());
        Label since = label("header-since-departure", "header-detail");
        since.textProperty().bind(model.sinceDepartureProperty());
        Label unconfirmed = label("header-unconfirmed", "header-detail");
        unconfirmed.getStyleClass().add("unconfirmed");
        unconfirmed.textProperty().bind(model.unconfirmedProperty());
        unconfirmed.managedProperty().bind(unconfirmed.textProperty().isNotEmpty());
        unconfirmed.visibleProperty().bind(unconfirmed.managedProperty());
        // When the SAMU has not confirmed the last status in time, that takes the line of "Parti depuis".
        since.managedProperty().bind(unconfirmed.managedProperty().not());
        since.visibleProperty().bind(since.managedProperty());
        VBox middle = new VBox(2, current, since, unconfirmed);
        Label clock = label("header-clock", "header-clock");
        clock.textProperty().bind(model.timeProperty());
        clock.setMinWidth(Region.USE_PREF_SIZE);
        Button next = new Button();
        next.setId("next-status");
        next.getStyleClass().addAll("big-button", "next-status");
        next.textProperty().bind(javafx.beans.binding.Bindings.createStringBinding(
                () -> model.nextProperty().get().isEmpty() ? labels.get("header.noNext") : "▶ " + model.nextProperty().get(),
                model.nextProperty()));
        next.disableProperty().bind(model.expectedProperty().isNull());
        next.setOnAction(e -> {
            if (model.expectedProperty().get() == ResourceStatus.ANNULE) {
                askCancel.run();
            } else {
                model.tapNext();
            }
        });
        // 340 px where there is room; on a narrow screen its words go on two lines rather than off the window.
        next.setMinWidth(220);
        next.setPrefWidth(340);
        next.setWrapText(true);
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        HBox.setHgrow(left, Priority.SOMETIMES);
        left.setMinWidth(0);
        middle.setMinWidth(0);
        // A long status ("Quitte la destination (disponible) depuis 23:13") goes on two lines rather than
        // losing its time to an ellipsis; so does a long reason in the mission's title.
        mission.setWrapText(true);
        current.setWrapText(true);
        row.getChildren().addAll(left, middle, gap, clock, next);
        row.setMinHeight(ROW - 12);
        row.setPrefHeight(ROW - 12);
        row.setMaxHeight(ROW - 12);
        getChildren().add(row);
        widthProperty().addListener((o, was, is) -> {
            boolean narrow = is.doubleValue() > 0 && is.doubleValue() < NARROW;
            if (narrow && next.getParent() == row) {
                row.getChildren().remove(next);
                next.setMaxWidth(Double.MAX_VALUE);
                getChildren().add(next);
                fixHeight(ROW + ACTION_ROW);
            } else if (!narrow && next.getParent() != row) {
                getChildren().remove(next);
                next.setMaxWidth(Region.USE_PREF_SIZE);
                row.getChildren().add(next);
                fixHeight(ROW);
            }
        });
        fixHeight(ROW);
    }

    private void fixHeight(double height) {
        setMinHeight(height);
        setPrefHeight(height);
        setMaxHeight(height);
    }

    private static Label label(String id, String style) {
        Label label = new Label();
        label.setId(id);
        label.getStyleClass().add(style);
        return label;
    }
}
