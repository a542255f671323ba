package org.opensmur.app.bilan;

import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.geometry.Pos;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.opensmur.app.ui.Labels;

/** One row per input: name, field, unit, and the field's own error beside it. */
public final class BilanView extends BorderPane {

    /** The send bar: intermediate/final, send, what {@link #offer} adds, the reasons. */
    private HBox actions;

    /** A button beside "send" that leads elsewhere from the bilan (the handover timeline), placed before the reasons. */
    public void offer(String id, String words, Runnable go) {
        Button button = new Button(words);
        button.setId(id);
        button.getStyleClass().add("word-button");
        button.setMinWidth(Region.USE_PREF_SIZE);
        button.setOnAction(e -> go.run());
        actions.getChildren().add(actions.getChildren().size() - 1, button);
    }

    public BilanView(BilanViewModel model, org.opensmur.app.patient.PatientsViewModel patients, Labels labels) {
        GridPane grid = new GridPane();
        grid.setHgap(12);
        grid.setVgap(10);
        grid.disableProperty().bind(model.loadingProperty()); // typed before the draft is back would be overwritten by it
        int row = 0;
        boolean seriesShown = false;
        String lastVital = model.inputs().stream().filter(i -> i.sign() != null).reduce((a, b) -> b).map(BilanViewModel.Input::key).orElse("");
        for (BilanViewModel.Input input : model.inputs()) {
            String id = input.key().substring(input.key().indexOf('.') + 1);
            TextField field = new TextField();
            field.setId("bilan-" + id);
            field.getStyleClass().add("touch-field");
            field.textProperty().bindBidirectional(input.valueProperty());
            Label error = new Label();
            error.setId("bilan-" + id + "-error");
            error.getStyleClass().add("error-text");
            error.textProperty().bind(input.errorProperty());
            error.setMinWidth(Region.USE_PREF_SIZE); // the error whole: the fields give way
            boolean required = BilanViewModel.REQUIRED.contains(input.key());
            Label name = new Label(labels.get(input.key()) + (required ? " *" : ""));
            if (BilanViewModel.FINAL_REQUIRED.equals(input.key())) {
                // marked while the bilan is the final one
                name.textProperty().bind(javafx.beans.binding.Bindings.when(model.finalReportProperty())
                        .then(labels.get(input.key()) + " *").otherwise(labels.get(input.key())));
                required = true;
            }
            if (BilanViewModel.REQUIRED.contains(input.key())) {
                // not required while the patient's identity is not known
                name.textProperty().bind(javafx.beans.binding.Bindings.when(model.unknownProperty())
                        .then(labels.get(input.key())).otherwise(labels.get(input.key()) + " *"));
            }
            if (required) {
                name.getStyleClass().add("field-name");
                name.setAccessibleText(labels.get(input.key()) + " " + labels.get("bilan.required"));
            }
            if (input.numeric()) {
                // The device shows its numeric keypad (JavaFX's vkType); a span ("80-110") and a unit ("12/mn")
                // may be typed too, the words a vital takes instead of a number come from buttons beside it.
                field.getProperties().put("vkType", "numeric");
            }
            Label taken = new Label();
            taken.setId("bilan-" + id + "-taken");
            taken.getStyleClass().add("measure-time");
            taken.textProperty().bind(input.takenProperty());
            taken.setMinWidth(Region.USE_PREF_SIZE); // the earlier values whole
            Label unit = new Label(input.unit());
            unit.setMinWidth(Region.USE_PREF_SIZE); // "mmHg" whole, however narrow the screen
            VBox unitAndTime = new VBox(unit, taken);
            javafx.scene.Node entry = field;
            if (input.key().equals("bilan.birthName")) {
                // the rest of who they are, below the vitals: unknown, sex, then the estimated age below
                row = identity(grid, row, model, labels);
            }
            if (input.sign() != null && !seriesShown) {
                row = series(grid, row, model, labels);
                seriesShown = true;
            }
            if (input.sign() != null) {
                entry = vitalEntry(input, field, id, labels);
            }
            if (input.key().equals("bilan.birthDate")) {
                // day, month, year on the numeric keypad (never "AAAA-MM-JJ" typed); the RPIS takes it from here
                entry = org.opensmur.app.ui.DateField.of("bilan-birthDate", input.valueProperty(), labels, java.time.Clock.systemDefaultZone());
            }
            if (input.key().equals("bilan.externalSource")) {
                // the kind of identifier: one tap among the model's (the number is typed on the next row)
                entry = org.opensmur.app.ui.WordToggles.of("bilan-externalSource-", input.valueProperty(), model.externalSources(),
                        "bilan.externalSource", labels);
            }
            if (input.key().equals("bilan.diagnosis")) {
                // picked from the installed SFMU-FEDORU list (by words or code), never a raw code typed
                entry = org.opensmur.app.ui.CodePicker.one("bilan-diagnosis", model.diagnosisPicker(), labels);
                javafx.scene.layout.GridPane.setValignment(name, javafx.geometry.VPos.TOP);
                name.setPadding(new Insets(14, 0, 0, 0));
            }
            grid.addRow(row++, name, entry, unitAndTime, error);
            if (input.key().equals("bilan.diagnosis")) {
                Label associated = new Label(labels.get("bilan.associated"));
                javafx.scene.layout.GridPane.setValignment(associated, javafx.geometry.VPos.TOP);
                associated.setPadding(new Insets(14, 0, 0, 0));
                grid.addRow(row++, associated, org.opensmur.app.ui.CodePicker.many("bilan-associated", model.associatedPicker(),
                        model.associatedDiagnoses(), labels));
            }
            if (input.sign() == org.opensmur.core.bilan.VitalSign.GLASGOW) {
                // E, V and M scored apart: the total above is their sum
                HBox parts = new HBox(8);
                parts.setAlignment(Pos.CENTER_LEFT);
                VBox partErrors = new VBox(2);
                for (BilanViewModel.Input part : model.glasgowParts()) {
                    String partId = part.key().substring(part.key().lastIndexOf('.') + 1);
                    TextField score = new TextField();
                    score.setId("bilan-glasgow-" + partId);
                    score.getStyleClass().addAll("touch-field", "score-field");
                    score.getProperties().put("vkType", "numeric");
                    score.setAccessibleText(labels.get(part.key()));
                    score.textProperty().bindBidirectional(part.valueProperty());
                    Label letter = new Label(BilanViewModel.glasgowLetter(part.key())); // E, V, M in both languages
                    parts.getChildren().addAll(letter, score);
                    Label partError = new Label();
                    partError.setId("bilan-glasgow-" + partId + "-error");
                    partError.getStyleClass().add("error-text");
                    partError.textProperty().bind(javafx.beans.binding.Bindings.createStringBinding(() -> part.errorProperty().get().isEmpty()
                            ? "" : labels.get(part.key()) + " : " + part.errorProperty().get(), part.errorProperty()));
                    partError.managedProperty().bind(partError.textProperty().isNotEmpty());
                    partErrors.getChildren().add(partError);
                }
                grid.add(parts, 1, row);
                grid.add(partErrors, 3, row++);
            }
            if (input.key().equals(lastVital)) {
                row = trends(grid, row, model, labels);
            }
            if (input.key().equals("bilan.treatment")) {
                // the acts and drugs of this patient as large tiles (the care package), across the form
                org.opensmur.app.care.CareView care = new org.opensmur.app.care.CareView(model.care(), labels);
                fitWidth(care, grid);
                grid.add(care, 0, row++, 4, 1);
            }
        }
        Button send = new Button(labels.get("bilan.send"));
        send.setMinWidth(Region.USE_PREF_SIZE);
        send.setId("bilan-send");
        send.getStyleClass().add("big-button");
        send.disableProperty().bind(model.validProperty().not());
        send.setOnAction(e -> model.send());
        Label delivery = new Label();
        delivery.setId("bilan-delivery");
        delivery.textProperty().bind(model.deliveryProperty());
        Label blocked = new Label();
        blocked.setId("bilan-blocked");
        blocked.getStyleClass().add("error-text");
        blocked.setWrapText(true);
        blocked.textProperty().bind(model.blockedProperty());
        blocked.managedProperty().bind(blocked.textProperty().isNotEmpty());
        grid.setPadding(new Insets(16));
        org.opensmur.app.ui.Forms.fitNames(grid, 150);
        grid.getStyleClass().add("form-grid");
        // Which patient this bilan is about, first, scrolling with the fields: on a low screen (1024x600) the
        // fields get the height, and the choice made once goes up out of the way.
        org.opensmur.app.patient.PatientPickerView picker = new org.opensmur.app.patient.PatientPickerView(patients, labels, "bilan");
        picker.setPadding(new Insets(12, 16, 0, 16));
        javafx.scene.Node sent = org.opensmur.app.ui.SentList.of("bilan-sent", labels.get("bilan.sent.title"), model.sentProperty());
        VBox.setMargin(sent, new Insets(8, 16, 0, 16));
        ScrollPane fields = org.opensmur.app.ui.Scrolling.of(new VBox(picker, sent, grid));
        fields.setId("bilan-fields");
        fields.setFitToWidth(true);
        setCenter(fields);
        // Send stays in reach whatever the scroll position. Intermediate or final: a two-way switch, one side
        // always lit (a tick box 25 px high was missed with gloves, and its "off" said nothing).
        javafx.scene.control.ToggleGroup kind = new javafx.scene.control.ToggleGroup();
        javafx.scene.control.ToggleButton intermediate = kindSide("bilan-intermediate", labels.get("bilan.intermediate"), kind);
        javafx.scene.control.ToggleButton finalReport = kindSide("bilan-final", labels.get("bilan.finalSide"), kind);
        intermediate.setOnAction(e -> model.finalReportProperty().set(false));
        finalReport.setOnAction(e -> model.finalReportProperty().set(true));
        Runnable showKind = () -> kind.selectToggle(model.finalReportProperty().get() ? finalReport : intermediate);
        model.finalReportProperty().addListener((o, was, is) -> showKind.run());
        kind.selectedToggleProperty().addListener((o, was, is) -> {
            if (is == null) {
                showKind.run(); // tapping the lit side again leaves it lit
            }
        });
        showKind.run();
        HBox kindSwitch = new HBox(0, intermediate, finalReport);
        kindSwitch.getStyleClass().add("two-way");
        kindSwitch.setAlignment(Pos.CENTER_LEFT);
        kindSwitch.setFillHeight(false);
        kindSwitch.setMinWidth(Region.USE_PREF_SIZE);
        // The reasons take what the button leaves, and wrap (a stylesheet's min width would win over code).
        VBox words = new VBox(4, blocked, delivery);
        words.setPrefWidth(0);
        HBox.setHgrow(words, javafx.scene.layout.Priority.ALWAYS);
        actions = new HBox(16, kindSwitch, send, words);
        actions.setAlignment(Pos.CENTER_LEFT);
        // On a narrow screen (portrait) the reasons go under the buttons, the whole width: beside them they had a
        // few pixels and broke in the middle of words.
        VBox bar = new VBox(6, actions);
        bar.setPadding(new Insets(12, 16, 12, 16));
        widthProperty().addListener((o, was, is) -> {
            boolean narrow = is.doubleValue() < NARROW;
            if (narrow && words.getParent() == actions) {
                actions.getChildren().remove(words);
                bar.getChildren().add(words);
            } else if (!narrow && words.getParent() == bar) {
                bar.getChildren().remove(words);
                actions.getChildren().add(words);
            }
        });
        setBottom(bar);
    }

    /** Below this width the send bar's reasons go under its buttons. */
    private static final double NARROW = 960;

    /**
     * Above the vitals: when the series on screen was taken (editable), "new series", and the earlier series
     * of the mission, read-only. Returns the next free row.
     */
    private static int series(GridPane grid, int row, BilanViewModel model, Labels labels) {
        BilanViewModel.Input time = model.seriesTime();
        Label name = new Label(labels.get(time.key()));
        name.getStyleClass().add("field-name");
        TextField field = new TextField();
        field.setId("bilan-seriesTime");
        field.getStyleClass().addAll("touch-field", "vital-field");
        field.getProperties().put("vkType", "numeric");
        field.setPromptText("HH:MM");
        field.textProperty().bindBidirectional(time.valueProperty());
        Button next = new Button(labels.get("bilan.newSeries"));
        next.setId("bilan-newSeries");
        next.getStyleClass().add("word-button");
        next.setMinWidth(Region.USE_PREF_SIZE);
        next.setOnAction(e -> model.newSeries());
        HBox entry = new HBox(8, field, next);
        entry.setAlignment(Pos.CENTER_LEFT);
        Label error = new Label();
        error.setId("bilan-seriesTime-error");
        error.getStyleClass().add("error-text");
        error.textProperty().bind(time.errorProperty());
        grid.addRow(row++, name, entry, new Label(), error);
        javafx.collections.ObservableList<String> lines = javafx.collections.FXCollections.observableArrayList();
        Runnable show = () -> lines.setAll(model.earlierSeries().stream().map(model::describe).toList().reversed()); // newest first
        model.earlierSeries().addListener((javafx.collections.ListChangeListener<org.opensmur.app.bilan.VitalSeries>) c -> show.run());
        show.run();
        javafx.scene.Node before = org.opensmur.app.ui.SentList.of("bilan-series", labels.get("bilan.series.title"), lines);
        fitWidth((Region) before, grid);
        grid.add(before, 0, row++, 4, 1);
        return row;
    }

    /**
     * With the rest of who they are: "Patient inconnu" in one tap (the names may then stay empty) and the patient's sex,
     * the estimated age going in the age field. Returns the next free row.
     */
    private static int identity(GridPane grid, int row, BilanViewModel model, Labels labels) {
        javafx.scene.control.ToggleButton unknown = new javafx.scene.control.ToggleButton(labels.get("bilan.unknown"));
        unknown.setId("bilan-unknown");
        unknown.getStyleClass().add("word-button");
        unknown.setMinWidth(Region.USE_PREF_SIZE);
        unknown.selectedProperty().bindBidirectional(model.unknownProperty());
        grid.addRow(row++, new Label(labels.get("bilan.identity")), unknown);
        grid.addRow(row++, new Label(labels.get("bilan.sex")),
                org.opensmur.app.ui.WordToggles.of("bilan-sex-", model.sexProperty(), java.util.List.of("M", "F", "O", "UN"), "sex", labels));
        return row;
    }

    /** {@code across} spans the form's columns: as wide as the form (wrapped), never what widens them. */
    private static void fitWidth(Region across, GridPane grid) {
        across.setMinWidth(0);
        across.prefWidthProperty().bind(grid.widthProperty().subtract(grid.paddingProperty().get().getLeft() + 32));
        if (across instanceof javafx.scene.layout.FlowPane flow) {
            flow.prefWrapLengthProperty().bind(across.prefWidthProperty());
        }
    }

    /** Below the vitals: a small trend per vital. Returns the next free row. */
    private static int trends(GridPane grid, int row, BilanViewModel model, Labels labels) {
        // A small trend per vital once it has two readings (plain numbers: words and spans stay in the text).
        javafx.scene.layout.FlowPane charts = new javafx.scene.layout.FlowPane(12, 8);
        charts.setId("bilan-trends");
        Runnable draw = () -> charts.getChildren().setAll(model.trendsProperty().stream().map(t -> trend(t, labels)).toList());
        model.trendsProperty().addListener((javafx.collections.ListChangeListener<BilanViewModel.Trend>) c -> draw.run());
        draw.run();
        charts.managedProperty().bind(javafx.beans.binding.Bindings.isNotEmpty(charts.getChildren()));
        fitWidth(charts, grid);
        grid.add(charts, 0, row++, 4, 1);
        return row;
    }

    /** One vital's trend: its readings at their times (a pressure's systolic and diastolic as two lines). */
    private static javafx.scene.Node trend(BilanViewModel.Trend trend, Labels labels) {
        java.time.LocalDateTime first = trend.readings().get(0).taken();
        long last = java.time.Duration.between(first, trend.readings().get(trend.readings().size() - 1).taken()).toMinutes();
        // at least ten minutes wide: readings a minute apart are not a wall
        double upper = Math.max(last + 1, 10);
        javafx.scene.chart.NumberAxis time = new javafx.scene.chart.NumberAxis(-1, upper, Math.max(1, Math.ceil((upper + 1) / 4)));
        time.setAutoRanging(false);
        time.setTickLabelFormatter(new javafx.util.StringConverter<Number>() {
            @Override
            public String toString(Number minutes) {
                return first.plusMinutes(minutes.longValue()).toLocalTime().toString();
            }

            @Override
            public Number fromString(String s) {
                throw new UnsupportedOperationException();
            }
        });
        javafx.scene.chart.NumberAxis value = new javafx.scene.chart.NumberAxis();
        value.setForceZeroInRange(false);
        javafx.scene.chart.LineChart<Number, Number> chart = new javafx.scene.chart.LineChart<>(time, value);
        chart.setId("bilan-trend-" + trend.key().substring(trend.key().indexOf('.') + 1));
        chart.setTitle(labels.get(trend.key()));
        chart.setAnimated(false);
        chart.setLegendVisible(false);
        chart.setPrefSize(280, 170);
        chart.setMinSize(220, 150);
        chart.getStyleClass().add("trend-chart");
        javafx.scene.chart.XYChart.Series<Number, Number> main = new javafx.scene.chart.XYChart.Series<>();
        javafx.scene.chart.XYChart.Series<Number, Number> second = new javafx.scene.chart.XYChart.Series<>();
        for (BilanViewModel.Reading r : trend.readings()) {
            long minutes = java.time.Duration.between(first, r.taken()).toMinutes();
            main.getData().add(new javafx.scene.chart.XYChart.Data<>(minutes, r.value()));
            if (r.second() != null) {
                second.getData().add(new javafx.scene.chart.XYChart.Data<>(minutes, r.second()));
            }
        }
        chart.getData().add(main);
        if (!second.getData().isEmpty()) {
            chart.getData().add(second);
        }
        return chart;
    }

    /** A vital's value, the words it may take instead of a number (one tap each), and its precision. */
    private static javafx.scene.Node vitalEntry(BilanViewModel.Input input, TextField field, String id, Labels labels) {
        field.getStyleClass().add("vital-field");
        HBox entry = new HBox(8, field);
        entry.setAlignment(Pos.CENTER_LEFT);
        java.util.List<String> words = new java.util.ArrayList<>(java.util.List.of(BilanViewModel.NOT_MEASURABLE));
        if (BilanViewModel.readsHiLo(input.sign())) {
            words.addAll(java.util.List.of("HI", "LO"));
        }
        for (String word : words) {
            Button tap = new Button(word.equals(BilanViewModel.NOT_MEASURABLE) ? labels.get("bilan.notMeasurable") : word);
            tap.setId("bilan-" + id + "-" + word.toLowerCase(java.util.Locale.ROOT));
            tap.getStyleClass().add("word-button");
            tap.setMinWidth(Region.USE_PREF_SIZE);
            tap.setOnAction(e -> input.valueProperty().set(word));
            entry.getChildren().add(tap);
        }
        TextField precision = new TextField();
        precision.setId("bilan-" + id + "-precision");
        precision.getStyleClass().addAll("touch-field", "precision-field");
        precision.setPromptText(labels.get("bilan.precision." + id)); // what is said of this vital (the O2 flow for SpO2)
        precision.setAccessibleText(labels.get(input.key()) + " " + labels.get("bilan.precision"));
        precision.textProperty().bindBidirectional(input.precisionProperty());
        HBox.setHgrow(precision, javafx.scene.layout.Priority.ALWAYS);
        entry.getChildren().add(precision);
        return entry;
    }

    /** One side of the intermediate/final switch. */
    private static javafx.scene.control.ToggleButton kindSide(String id, String words, javafx.scene.control.ToggleGroup group) {
        javafx.scene.control.ToggleButton side = new javafx.scene.control.ToggleButton(words);
        side.setId(id);
        side.getStyleClass().add("word-button");
        side.setMinWidth(Region.USE_PREF_SIZE);
        side.setToggleGroup(group);
        return side;
    }
}
