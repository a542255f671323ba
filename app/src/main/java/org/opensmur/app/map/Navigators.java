package org.opensmur.app.map;

import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import org.opensmur.app.ui.Labels;

/** Where "Naviguer" sends the destination: the device's navigation app, or on the desktop the clipboard. */
public final class Navigators {

    private Navigators() {
    }

    /** The desktop: the address (or the coordinates) copied, to paste into any navigation tool. UI thread. */
    public static MapViewModel.Navigator clipboard(Labels labels) {
        return (geoUri, address) -> {
            String text = address.isEmpty() ? geoUri : address;
            ClipboardContent content = new ClipboardContent();
            content.putString(text);
            content.putUrl(geoUri);
            Clipboard.getSystemClipboard().setContent(content);
            return labels.format("map.copied", text);
        };
    }

    /** A device: the {@code geo:} URI handed to the system, which opens the navigation app the crew chose. */
    public static MapViewModel.Navigator system(javafx.application.HostServices host, Labels labels) {
        return (geoUri, address) -> {
            host.showDocument(geoUri);
            return labels.get("map.opened");
        };
    }
}
