package org.opensmur.app.mission;

import javafx.css.PseudoClass;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;
import org.opensmur.app.ui.ConfirmRow;
import org.opensmur.app.ui.Labels;

/** The case, one labelled line per field; changed fields carry the :changed pseudo-class until seen. */
public final class MissionView extends ScrollPane {

    private static final PseudoClass CHANGED = PseudoClass.getPseudoClass("changed");

    /** @param openShared opens a case shared without engagement (périmètre 1), by its id */
    public MissionView(MissionViewModel model, Labels labels, Runnable markSeen, Runnable erase, java.util.function.Consumer<String> openShared) {
        org.opensmur.app.ui.Scrolling.drawnDirectly(this);
        setFitToWidth(true);
        Label title = new Label();
        title.setId("mission-title");
        title.getStyleClass().add("title");
        title.textProperty().bind(model.titleProperty());
        GridPane grid = new GridPane();
        grid.setHgap(16);
        grid.setVgap(10);
        int row = 0;
        for (MissionViewModel.Field field : model.fields()) {
            Label name = new Label(labels.get(field.key()));
            name.getStyleClass().add("field-name");
            name.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE); // a long value beside it wraps; the name is never cut
            Label value = new Label();
            value.setId("field-" + field.key().substring(field.key().indexOf('.') + 1));
            value.getStyleClass().add("field-value");
            value.setWrapText(true);
            value.textProperty().bind(field.valueProperty());
            value.pseudoClassStateChanged(CHANGED, field.changedProperty().get());
            field.changedProperty().addListener((o, was, is) -> value.pseudoClassStateChanged(CHANGED, is));
            grid.addRow(row++, name, value);
        }
        Label conflict = new Label();
        conflict.setId("mission-conflict");
        conflict.getStyleClass().add("error-text");
        conflict.setWrapText(true);
        conflict.textProperty().bind(model.conflictProperty());
        conflict.managedProperty().bind(conflict.textProperty().isNotEmpty());
        conflict.visibleProperty().bind(conflict.textProperty().isNotEmpty());
        // Périmètre 1: the SAMU shares its case and sends no engagement request; the crew opens it here.
        Label offer = new Label(labels.get("mission.shared.offer"));
        offer.setWrapText(true);
        Button openSharedCase = new Button(labels.get("mission.shared.open"));
        openSharedCase.setId("mission-open-shared");
        openSharedCase.getStyleClass().addAll("touch-button", "accept");
        openSharedCase.setOnAction(e -> openShared.accept(model.sharedOfferProperty().get()));
        javafx.scene.layout.HBox sharedOffer = new javafx.scene.layout.HBox(12, offer, openSharedCase);
        sharedOffer.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        sharedOffer.visibleProperty().bind(model.sharedOfferProperty().isNotNull());
        sharedOffer.managedProperty().bind(sharedOffer.visibleProperty());
        Label sharedNote = new Label();
        sharedNote.setId("mission-shared");
        sharedNote.getStyleClass().add("warning");
        sharedNote.setWrapText(true);
        sharedNote.textProperty().bind(model.sharedNoteProperty());
        sharedNote.visibleProperty().bind(model.sharedNoteProperty().isNotEmpty());
        sharedNote.managedProperty().bind(sharedNote.visibleProperty());
        Button seen = new Button(labels.get("mission.seen"));
        seen.setId("mission-seen");
        seen.getStyleClass().add("touch-button");
        seen.setOnAction(e -> markSeen.run());
        // Only when there is something to mark: a field an update changed and the crew has not seen.
        javafx.beans.Observable[] changes = model.fields().stream().map(MissionViewModel.Field::changedProperty)
                .toArray(javafx.beans.Observable[]::new);
        seen.visibleProperty().bind(javafx.beans.binding.Bindings.createBooleanBinding(
                () -> model.fields().stream().anyMatch(f -> f.changedProperty().get()), changes));
        seen.managedProperty().bind(seen.visibleProperty());
        Label others = new Label(labels.get("mission.resources"));
        others.getStyleClass().add("field-name");
        // One line per resource, as many lines as there are: no box of empty rows pushing the rest out of reach.
        Label resources = new Label();
        resources.setId("mission-resources");
        resources.setWrapText(true);
        resources.textProperty().bind(javafx.beans.binding.Bindings.createStringBinding(() -> model.otherResources().isEmpty()
                ? labels.get("mission.resources.none") : String.join("\n", model.otherResources()), model.otherResources()));
        // Erasing is asked twice, inline (no window over the screen): a tap meant elsewhere never erases.
        Button eraseAsk = new Button(labels.get("mission.erase"));
        eraseAsk.setId("mission-erase");
        eraseAsk.getStyleClass().add("touch-button");
        ConfirmRow confirmRow = new ConfirmRow("mission-erase", labels.get("mission.erase.confirm"), labels.get("mission.erase.cancel"));
        eraseAsk.visibleProperty().bind(model.overProperty().and(confirmRow.askingProperty().not()));
        eraseAsk.managedProperty().bind(eraseAsk.visibleProperty());
        eraseAsk.setOnAction(e -> confirmRow.ask(labels.get("mission.erase.warning"), erase));
        model.overProperty().addListener((o, was, is) -> {
            if (!is) {
                confirmRow.close();
            }
        });
        Label eraseOutcome = new Label();
        eraseOutcome.setId("mission-erase-outcome");
        eraseOutcome.setWrapText(true);
        eraseOutcome.textProperty().bind(model.eraseOutcomeProperty());
        eraseOutcome.managedProperty().bind(eraseOutcome.textProperty().isNotEmpty());
        VBox box = new VBox(14, title, sharedOffer, sharedNote, conflict, grid, seen, others, resources, eraseAsk, confirmRow, eraseOutcome);
        box.setPadding(new Insets(16));
        setContent(box);
    }
}
