package org.opensmur.app.map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.gluonhq.maps.MapPoint;
import java.util.ArrayList;
import java.util.List;
import javafx.beans.property.SimpleObjectProperty;
import org.junit.jupiter.api.Test;
import org.opensmur.app.ui.Labels;

class MapViewModelTest {

    private final SimpleObjectProperty<MapPoint> own = new SimpleObjectProperty<>();
    private final SimpleObjectProperty<MapPoint> target = new SimpleObjectProperty<>();
    private final List<String> handed = new ArrayList<>();
    private final MapViewModel map = new MapViewModel(own, target, Labels.french(), (uri, address) -> {
        handed.add(uri);
        return "ok";
    });

    @Test
    void distanceAndHeadingFromTheVehicleToTheIncident() {
        // Nantes cathedral to the CHU's emergency department: about 1.5 km to the south-west (measured on a map).
        own.set(new MapPoint(47.2184, -1.5508));
        target.set(new MapPoint(47.2116, -1.5536 - 0.0125));
        double km = MapViewModel.kilometres(own.get(), target.get());
        assertTrue(km > 1.0 && km < 1.6, "km " + km);
        double heading = MapViewModel.heading(own.get(), target.get());
        assertTrue(heading > 225 && heading < 260, "heading " + heading);
        assertTrue(map.distanceProperty().get().matches("1,\\d km à vol d'oiseau · cap 2\\d\\d° \\((sud-ouest|ouest)\\)"),
                map.distanceProperty().get());
        // Due north, one degree of latitude: 111 km.
        assertEquals(111.2, MapViewModel.kilometres(new MapPoint(47, -1.5), new MapPoint(48, -1.5)), 0.1);
        assertEquals(0, MapViewModel.heading(new MapPoint(47, -1.5), new MapPoint(48, -1.5)), 1e-9);
        assertEquals(90, MapViewModel.heading(new MapPoint(0, 0), new MapPoint(0, 1)), 1e-9);
    }

    @Test
    void withoutCoordinatesTheAddressIsShownAndNavigatedTo() {
        map.setAddress("12 rue de l'Exercice 44000 Nantes");
        assertEquals("Lieu sans coordonnées : 12 rue de l'Exercice 44000 Nantes", map.distanceProperty().get());
        map.navigate();
        assertEquals("geo:0,0?q=12+rue+de+l%27Exercice+44000+Nantes", handed.get(0));
        target.set(new MapPoint(47.2116, -1.5661));
        assertEquals("Position du véhicule inconnue (GPS)", map.distanceProperty().get(), "no fix yet: said, not guessed");
        map.navigate();
        assertEquals("geo:47.2116,-1.5661?q=47.2116,-1.5661(12+rue+de+l%27Exercice+44000+Nantes)", handed.get(1));
    }

    /** The package opens off the UI thread: one that finishes opening after the tablet closed is closed too, not left open. */
    @Test
    void aPackageStillOpeningWhenTheTabletClosesIsClosedOnceOpened() {
        List<Runnable> uiLater = new ArrayList<>();
        List<String> closed = new ArrayList<>();
        MapViewModel.MapPackages packages = () -> java.util.Optional.of(new MapViewModel.MapPackages.Opened() {
            @Override
            public String description() {
                return "secteur.mbtiles";
            }

            @Override
            public void close() {
                closed.add(description());
            }
        });
        map.openPackage(packages, new org.opensmur.app.ui.Background(Runnable::run, uiLater::add)); // opened, not yet handed over
        map.closePackage(); // the tablet closes meanwhile
        uiLater.forEach(Runnable::run);
        assertEquals(List.of("secteur.mbtiles"), closed, "closed once, as soon as it was handed over");
        map.closePackage();
        assertEquals(1, closed.size(), "and not twice");
    }

    @Test
    void noPackageSaysHowToInstallOne() {
        assertTrue(map.mapStateProperty().get().startsWith("Carte hors ligne non installée : copiez un fichier .mbtiles"));
        map.installed("Nantes (zoom 12–16)");
        assertEquals("Carte hors ligne : Nantes (zoom 12–16)", map.mapStateProperty().get());
        map.refused("carte.mbtiles is not an MBTiles map package");
        assertTrue(map.mapStateProperty().get().contains("illisible"));
    }
}
