package org.opensmur.app.map;

import com.gluonhq.maps.MapLayer;
import com.gluonhq.maps.MapPoint;
import com.gluonhq.maps.MapView;
import javafx.beans.property.ObjectProperty;
import javafx.geometry.Point2D;
import javafx.scene.layout.StackPane;
import javafx.scene.paint.Color;
import javafx.scene.shape.Circle;

/** Own position and the intervention address on Gluon Maps, over offline tiles. */
public final class MapScreen extends StackPane {

    public MapScreen(ObjectProperty<MapPoint> own, ObjectProperty<MapPoint> target) {
        MapView map = new MapView();
        map.setId("map");
        map.setZoom(13);
        map.setCenter(new MapPoint(47.2184, -1.5536));
        map.addLayer(new Marker(own, Color.web("#1565c0")));
        map.addLayer(new Marker(target, Color.web("#c62828")));
        target.addListener((o, was, is) -> {
            if (is != null) {
                map.setCenter(is);
            }
        });
        getChildren().add(map);
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
