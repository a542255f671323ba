package org.opensmur.app.map;

import com.gluonhq.maps.MapPoint;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.opensmur.app.ui.Labels;

/**
 * The map screen: the vehicle and the incident (its coordinates from the case, or its address when there are
 * none), the straight-line distance and heading between them, the offline package in use or how to install
 * one, and "Naviguer", which hands the destination to the device's navigation.
 */
public final class MapViewModel {

    /** Hands a destination over to the device's navigation; says what it did, in the crew's words. */
    public interface Navigator {
        String navigate(String geoUri, String address);
    }

    private final ObjectProperty<MapPoint> own;
    private final ObjectProperty<MapPoint> target;
    private final StringProperty address = new SimpleStringProperty("");
    private final Labels labels;
    private final StringProperty distance = new SimpleStringProperty("");
    private final StringProperty mapState = new SimpleStringProperty("");
    private final StringProperty navigation = new SimpleStringProperty("");
    private Navigator navigator;

    public MapViewModel(ObjectProperty<MapPoint> own, ObjectProperty<MapPoint> target, Labels labels, Navigator navigator) {
        this.own = own;
        this.target = target;
        this.labels = labels;
        this.navigator = navigator;
        own.addListener((o, was, is) -> refresh());
        target.addListener((o, was, is) -> refresh());
        address.addListener((o, was, is) -> refresh());
        mapState.set(labels.get("map.notInstalled"));
        refresh();
    }

    /**
     * The tablet's offline map package as the map uses it, given by the composition root: opening it reads
     * files (off the UI thread); what it is, said to the crew; closed with the tablet.
     */
    public interface MapPackages {
        /** Opens the package configured, and has the map's tiles read from it; empty when none is installed. */
        java.util.Optional<Opened> open();

        interface Opened {
            String description();

            /** The map's tiles are no longer read from it. */
            void close();
        }
    }

    private MapPackages.Opened mapPackage;
    private boolean packageClosed;

    /** Opens the tablet's offline map package (MBTiles or a z/x/y folder) off the UI thread; said when refused. */
    public void openPackage(MapPackages packages, org.opensmur.app.ui.Background background) {
        background.run(() -> packages.open().orElse(null), opened -> {
            if (!keep(opened)) {
                return; // opened as the tablet closed: closed at once, never left open
            }
            installed(opened == null ? null : opened.description());
        }, e -> refused(e.getMessage()));
    }

    private synchronized boolean keep(MapPackages.Opened opened) {
        if (packageClosed) {
            if (opened != null) {
                opened.close();
            }
            return false;
        }
        mapPackage = opened;
        return true;
    }

    /** Closes the map package (the tablet is closing), or the one still being opened as soon as it is. */
    public synchronized void closePackage() {
        packageClosed = true;
        if (mapPackage != null) {
            mapPackage.close();
            mapPackage = null;
        }
    }

    public void setAddress(String text) {
        address.set(text == null ? "" : text.strip());
    }

    /** The offline package opened: what it is; {@code null}: none installed (said with how to install one). */
    public void installed(String description) {
        mapState.set(description == null ? labels.get("map.notInstalled") : labels.format("map.installed", description));
    }

    /** The configured package cannot be read: the reason, and the grid meanwhile. */
    public void refused(String reason) {
        mapState.set(labels.format("map.refused", reason));
    }

    public void setNavigator(Navigator navigator) {
        this.navigator = navigator;
    }

    private void refresh() {
        MapPoint from = own.get();
        MapPoint to = target.get();
        if (to == null) {
            distance.set(address.get().isEmpty() ? labels.get("map.noTarget") : labels.format("map.addressOnly", address.get()));
        } else if (from == null) {
            distance.set(labels.get("map.noFix"));
        } else {
            double km = kilometres(from, to);
            int heading = (int) Math.round(heading(from, to));
            distance.set(labels.format("map.distance", km < 10 ? Math.round(km * 10) / 10.0 : Math.round(km), heading,
                    labels.get("map.compass." + compass(heading))));
        }
    }

    /** Hands the incident to the device's navigation: its coordinates when the case has them, else its address. */
    public void navigate() {
        MapPoint to = target.get();
        if (to == null && address.get().isEmpty()) {
            navigation.set(labels.get("map.noTarget"));
            return;
        }
        navigation.set(navigator.navigate(geoUri(to, address.get()), address.get()));
    }

    /**
     * The destination as a {@code geo:} URI (RFC 5870, with Android's {@code q=} query that navigation apps
     * read): {@code geo:47.21,-1.55?q=47.21,-1.55(12 rue…)}, or {@code geo:0,0?q=12+rue…} with only an address.
     */
    public static String geoUri(MapPoint to, String address) {
        String label = address == null || address.isBlank() ? "" : java.net.URLEncoder.encode(address.strip(), java.nio.charset.StandardCharsets.UTF_8);
        if (to == null) {
            return "geo:0,0?q=" + label;
        }
        String at = coordinate(to.getLatitude()) + "," + coordinate(to.getLongitude());
        return "geo:" + at + "?q=" + at + (label.isEmpty() ? "" : "(" + label + ")");
    }

    private static String coordinate(double degrees) {
        return java.math.BigDecimal.valueOf(degrees).setScale(6, java.math.RoundingMode.HALF_UP).stripTrailingZeros().toPlainString();
    }

    /** Great-circle distance (haversine, mean Earth radius). */
    public static double kilometres(MapPoint a, MapPoint b) {
        double p1 = Math.toRadians(a.getLatitude());
        double p2 = Math.toRadians(b.getLatitude());
        double dp = p2 - p1;
        double dl = Math.toRadians(b.getLongitude() - a.getLongitude());
        double h = Math.sin(dp / 2) * Math.sin(dp / 2) + Math.cos(p1) * Math.cos(p2) * Math.sin(dl / 2) * Math.sin(dl / 2);
        return 2 * 6371.0088 * Math.asin(Math.min(1, Math.sqrt(h)));
    }

    /** Initial heading from {@code a} to {@code b}, degrees clockwise from north (0–359). */
    public static double heading(MapPoint a, MapPoint b) {
        double p1 = Math.toRadians(a.getLatitude());
        double p2 = Math.toRadians(b.getLatitude());
        double dl = Math.toRadians(b.getLongitude() - a.getLongitude());
        double y = Math.sin(dl) * Math.cos(p2);
        double x = Math.cos(p1) * Math.sin(p2) - Math.sin(p1) * Math.cos(p2) * Math.cos(dl);
        return (Math.toDegrees(Math.atan2(y, x)) + 360) % 360;
    }

    private static String compass(int heading) {
        return new String[] {"N", "NE", "E", "SE", "S", "SW", "W", "NW"}[(int) Math.round(heading / 45.0) % 8];
    }

    public ObjectProperty<MapPoint> ownProperty() {
        return own;
    }

    public ObjectProperty<MapPoint> targetProperty() {
        return target;
    }

    public ReadOnlyStringProperty distanceProperty() {
        return distance;
    }

    public ReadOnlyStringProperty mapStateProperty() {
        return mapState;
    }

    public ReadOnlyStringProperty navigationProperty() {
        return navigation;
    }

    public ReadOnlyStringProperty addressProperty() {
        return address;
    }
}
