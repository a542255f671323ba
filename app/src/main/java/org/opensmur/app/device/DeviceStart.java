package org.opensmur.app.device;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.function.Function;
import javafx.scene.layout.StackPane;
import org.opensmur.app.TabletSettings;
import org.opensmur.app.shell.Background;
import org.opensmur.app.shell.Labels;
import org.opensmur.app.unlock.LockedTablet;
import org.opensmur.store.crypto.PinLock;

/**
 * How a device starts, everything under its private storage: {@code hub/} (the provisioned Hub link),
 * {@code store/} (the offline store, opened by the crew's PIN), {@code maps/} (offline map packages),
 * {@code logs/}. First start: the provisioning screen, then the PIN chosen; later starts: the PIN. Nothing
 * from the environment, a command line or a console.
 */
public final class DeviceStart extends StackPane {

    private final Path privateStorage;
    private final Provisioning provisioning;
    private final Background background;
    private final Labels labels;
    private final Function<TabletSettings, java.util.function.Supplier<LockedTablet.Opened>> open;
    private final Duration lockAfter;
    private LockedTablet locked;

    /**
     * {@code open}: the running tablet on these settings, as the platform builds it: the session (off the UI
     * thread), then what builds its screens (on the UI thread).
     */
    public DeviceStart(Path privateStorage, Background background, Labels labels, Clock clock,
                       Function<TabletSettings, java.util.function.Supplier<LockedTablet.Opened>> open, Duration lockAfter) {
        this.privateStorage = privateStorage;
        this.provisioning = new Provisioning(privateStorage, clock);
        this.background = background;
        this.labels = labels;
        this.open = open;
        this.lockAfter = lockAfter;
        getStyleClass().add("tablet");
        if (provisioning.done()) {
            showLock();
        } else {
            getChildren().setAll(new ProvisioningView(new ProvisioningViewModel(provisioning, background, labels, this::showLock), labels));
        }
    }

    public static Path store(Path privateStorage) {
        return privateStorage.resolve("store");
    }

    public static Path maps(Path privateStorage) {
        return privateStorage.resolve("maps");
    }

    public static Path logs(Path privateStorage) {
        return privateStorage.resolve("logs");
    }

    private void showLock() {
        Path store = store(privateStorage);
        locked = new LockedTablet(new PinLock(store), background, labels, keys -> open.apply(
                TabletSettings.of(provisioning.hub(), store, keys, maps(privateStorage), false)), lockAfter, System::nanoTime);
        getChildren().setAll(locked);
    }

    public void stop() {
        if (locked != null) {
            locked.stop();
        }
    }
}
