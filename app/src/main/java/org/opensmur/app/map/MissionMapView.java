package org.opensmur.app.map;

import com.gluonhq.maps.MapLayer;
import com.gluonhq.maps.MapPoint;
import com.gluonhq.maps.MapView;
import javafx.beans.property.ObjectProperty;
import javafx.geometry.Insets;
import javafx.geometry.Point2D;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import javafx.scene.shape.Circle;
import org.opensmur.app.ui.Labels;

/**
 * The vehicle and the incident on Gluon Maps over the offline package, a legend, and below the map the
 * distance and heading, the address, "Naviguer", and which map is installed (or how to install one).
 */
public final class MissionMapView extends VBox {

    private static final Color VEHICLE = Color.web("#1565c0");
    private static final Color INCIDENT = Color.web("#c62828");

    public MissionMapView(MapViewModel model, Labels labels) {
        MapView map = new MapView();
        map.setId("map");
        map.setZoom(13);
        map.setCenter(new MapPoint(47.2184, -1.5536));
        // Under the markers, a veil over the tiles: clear by day, dark at night (night.css), so that the map is no
        // brighter than the other night screens while the vehicle and the incident keep their colours.
        map.addLayer(new Veil(map));
        map.addLayer(new Marker(model.ownProperty(), VEHICLE));
        map.addLayer(new Marker(model.targetProperty(), INCIDENT));
        model.targetProperty().addListener((o, was, is) -> {
            if (is != null) {
                map.setCenter(is);
            }
        });
        if (model.targetProperty().get() != null) {
            map.setCenter(model.targetProperty().get());
        }
        HBox legend = new HBox(14, key(VEHICLE, labels.get("map.legend.vehicle")), key(INCIDENT, labels.get("map.legend.incident")));
        legend.getStyleClass().add("map-legend");
        legend.setPadding(new Insets(6, 10, 6, 10));
        legend.setMaxSize(HBox.USE_PREF_SIZE, HBox.USE_PREF_SIZE);
        StackPane.setAlignment(legend, Pos.TOP_LEFT);
        StackPane.setMargin(legend, new Insets(10));
        StackPane layers = new StackPane(map, legend);
        VBox.setVgrow(layers, Priority.ALWAYS);

        Label distance = label("map-distance", "header-title");
        distance.textProperty().bind(model.distanceProperty());
        Label address = label("map-address", "header-detail");
        address.textProperty().bind(model.addressProperty());
        Label state = label("map-state", "header-detail");
        state.textProperty().bind(model.mapStateProperty());
        Label navigation = label("map-navigation", "header-detail");
        navigation.textProperty().bind(model.navigationProperty());
        VBox words = new VBox(2, distance, address, state, navigation);
        HBox.setHgrow(words, Priority.ALWAYS);
        Button navigate = new Button(labels.get("map.navigate"));
        navigate.setId("map-navigate");
        navigate.getStyleClass().add("big-button");
        navigate.setOnAction(e -> model.navigate());
        HBox below = new HBox(16, words, navigate);
        below.setAlignment(Pos.CENTER_LEFT);
        below.setPadding(new Insets(8, 16, 8, 16));
        getChildren().addAll(layers, below);
    }

    private static HBox key(Color color, String text) {
        Circle dot = new Circle(9, color);
        dot.setStroke(Color.WHITE);
        dot.setStrokeWidth(2);
        HBox key = new HBox(6, dot, new Label(text));
        key.setAlignment(Pos.CENTER_LEFT);
        return key;
    }

    private static Label label(String id, String style) {
        Label label = new Label();
        label.setId(id);
        label.getStyleClass().add(style);
        label.setWrapText(true);
        return label;
    }

    /** The tiles' veil: a rectangle the size of the map, its shade the theme's ({@code .map-veil}). */
    private static final class Veil extends MapLayer {
        Veil(MapView map) {
            javafx.scene.shape.Rectangle veil = new javafx.scene.shape.Rectangle();
            veil.setId("map-veil");
            veil.getStyleClass().add("map-veil");
            veil.widthProperty().bind(map.widthProperty());
            veil.heightProperty().bind(map.heightProperty());
            getChildren().add(veil);
            setMouseTransparent(true); // the map pans and zooms under it
        }

        @Override
        protected void layoutLayer() {
        }
    }

    private static final class Marker extends MapLayer {
        private final ObjectProperty<MapPoint> point;
        private final Circle dot;

        Marker(ObjectProperty<MapPoint> point, Color color) {
            this.point = point;
            this.dot = new Circle(12, color);
            dot.setStroke(Color.WHITE);
            dot.setStrokeWidth(3);
            getChildren().add(dot);
            point.addListener((o, was, is) -> markDirty());
        }

        @Override
        protected void layoutLayer() {
            MapPoint p = point.get();
            dot.setVisible(p != null);
            if (p != null) {
                Point2D xy = getMapPoint(p.getLatitude(), p.getLongitude());
                dot.setTranslateX(xy.getX());
                dot.setTranslateY(xy.getY());
            }
        }
    }
}
