package org.opensmur.app;

/** Desktop entry point. The JavaFX tablet UI arrives with its own issue; until then it says so. */
public final class DesktopMain {
    private DesktopMain() {
    }

    public static void main(String[] args) {
        System.out.println("OpenSMUR tablet: the user interface is not yet available in this version.");
        System.out.println("Use ./bin/hubmsg to validate and wrap Hub messages.");
    }
}
