package org.opensmur.app.device;

import javafx.application.Application;

/**
 * The device's entry point (the GluonFX Android profile's main class; {@code ./bin/tablet --device DIR} on the
 * desktop). Not the Application itself: the Java launcher refuses to start a JavaFX Application class from
 * the class path.
 */
public final class DeviceMain {

    private DeviceMain() {
    }

    public static void main(String[] args) {
        Application.launch(DeviceApp.class, args);
    }
}
