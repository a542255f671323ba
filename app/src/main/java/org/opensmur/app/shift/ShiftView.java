package org.opensmur.app.shift;

import java.util.List;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextField;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.beans.property.StringProperty;
import org.opensmur.app.ui.Labels;

/** The shift set-up form: vehicle and team, who is on board in which role, the phone, the unit; saved once per shift. */
public final class ShiftView extends BorderPane {

    public ShiftView(ShiftViewModel model, Labels labels) {
        GridPane grid = new GridPane();
        grid.setHgap(12);
        grid.setVgap(8);
        grid.setPadding(new Insets(16));
        int row = 0;
        grid.addRow(row++, new Label(labels.get("shift.vehicleName")), text("shift-vehicleName", model.field("vehicleName")));
        grid.addRow(row++, new Label(labels.get("shift.vehicleType")),
                choice("shift-vehicleType", model.field("vehicleType"), model.vehicleTypes(), "vehicleType", labels));
        grid.addRow(row++, new Label(labels.get("shift.teamName")), text("shift-teamName", model.field("teamName")));
        grid.addRow(row++, new Label(labels.get("shift.medicalLevel")),
                choice("shift-medicalLevel", model.field("medicalLevel"), model.medicalLevels(), "medicalLevel", labels));
        for (int i = 0; i < ShiftViewModel.CREW_ROWS; i++) {
            grid.addRow(row++, new Label(labels.format("shift.member", i + 1)),
                    new HBox(8, text("shift-crew-" + i + "-name", model.field("crew." + i + ".name")),
                            choice("shift-crew-" + i + "-role", model.field("crew." + i + ".role"), model.roles(), "role", labels)));
        }
        TextField phone = text("shift-contactPhone", model.field("contactPhone"));
        phone.getProperties().put("vkType", "numeric");
        grid.addRow(row++, new Label(labels.get("shift.contactPhone")), phone);
        grid.addRow(row++, new Label(labels.get("shift.centerName")), text("shift-centerName", model.field("centerName")));
        TextField centerCity = text("shift-centerCity", model.field("centerCity"));
        centerCity.getProperties().put("vkType", "numeric");
        centerCity.setPromptText(labels.get("shift.centerCity.prompt"));
        grid.addRow(row++, new Label(labels.get("shift.centerCity")), centerCity);
        grid.addRow(row++, new Label(labels.get("shift.finessLegal")), text("shift-finessLegal", model.field("finessLegal")));
        grid.addRow(row++, new Label(labels.get("shift.finessGeo")), text("shift-finessGeo", model.field("finessGeo")));
        grid.addRow(row++, new Label(labels.get("shift.structure")), text("shift-structure", model.field("structure")));
        javafx.scene.control.CheckBox rpisToLrm = new javafx.scene.control.CheckBox(labels.get("shift.rpisToLrm"));
        rpisToLrm.setId("shift-rpisToLrm");
        rpisToLrm.getStyleClass().add("touch-check");
        rpisToLrm.selectedProperty().bindBidirectional(model.rpisToLrmProperty());
        grid.add(rpisToLrm, 1, row);
        org.opensmur.app.ui.Forms.fitNames(grid, 150);
        ScrollPane scroll = org.opensmur.app.ui.Scrolling.of(grid);
        scroll.setFitToWidth(true);
        setCenter(scroll);
        Button save = new Button(labels.get("shift.save"));
        save.setId("shift-save");
        save.getStyleClass().add("big-button");
        save.setOnAction(e -> model.save());
        Label message = new Label();
        message.setId("shift-message");
        message.textProperty().bind(model.messageProperty());
        HBox actions = new HBox(16, save, message);
        actions.setAlignment(Pos.CENTER_LEFT);
        actions.setPadding(new Insets(12, 16, 12, 16));
        setBottom(actions);
    }

    private static TextField text(String id, StringProperty value) {
        TextField field = new TextField();
        field.setId(id);
        field.getStyleClass().add("touch-field");
        field.textProperty().bindBidirectional(value);
        return field;
    }

    private static ComboBox<String> choice(String id, StringProperty value, List<String> codes, String list, Labels labels) {
        return org.opensmur.app.ui.CodeChoice.of(id, value, codes, "shift." + list, labels);
    }
}
