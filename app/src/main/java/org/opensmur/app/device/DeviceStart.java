package org.opensmur.app.device;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.function.Function;
import javafx.scene.layout.StackPane;
import org.opensmur.app.settings.TabletSettings;
import org.opensmur.app.ui.Background;
import org.opensmur.app.ui.Labels;
import org.opensmur.app.shell.RunningTablet;
import org.opensmur.app.unlock.LockedTablet;
import org.opensmur.store.crypto.KeyCosts;
import org.opensmur.store.crypto.PinLock;
import org.opensmur.store.crypto.Vault;

/**
 * How a device starts, everything under its private storage: {@code hub/} (the provisioned Hub link),
 * {@code store/} (the offline store, opened by the crew's PIN), {@code maps/} (offline map packages),
 * {@code logs/}. First start: the provisioning screen, then the PIN chosen; later starts: the PIN. The Hub
 * identity's secrets are opened by the PIN too (see {@link Provisioning}). Nothing from the environment, a
 * command line or a console.
 */
public final class DeviceStart extends StackPane {

    private final Path privateStorage;
    private final Provisioning provisioning;
    private final Background background;
    private final Labels labels;
    private final Function<TabletSettings, java.util.function.Supplier<RunningTablet>> open;
    private final Duration lockAfter;
    private LockedTablet locked;
    private final KeyCosts costs;
    private volatile Vault vault;

    /**
     * {@code open}: the running tablet on these settings, as the platform builds it: the session (off the UI
     * thread), then what builds its screens and starts it (on the UI thread).
     */
    public DeviceStart(Path privateStorage, Background background, Labels labels, Clock clock,
                       Function<TabletSettings, java.util.function.Supplier<RunningTablet>> open, Duration lockAfter) {
        this(privateStorage, background, labels, clock, open, lockAfter, KeyCosts.PRODUCTION);
    }

    /** {@code costs}: what a new PIN costs a guess ({@link KeyCosts#PRODUCTION} but in the tests not about the cost). */
    public DeviceStart(Path privateStorage, Background background, Labels labels, Clock clock,
                       Function<TabletSettings, java.util.function.Supplier<RunningTablet>> open, Duration lockAfter, KeyCosts costs) {
        this.costs = costs;
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
        locked = new LockedTablet(new PinLock(store, System::nanoTime, PinLock.GUESS_COST, costs), background, labels, keys -> {
            Provisioning.Unlocked unlocked = provisioning.unlock(keys);
            java.util.function.Supplier<RunningTablet> screens = open.apply(
                    TabletSettings.of(unlocked.hub(), store, unlocked.storeKeys(), maps(privateStorage), false));
            vault = unlocked.storeKeys().open(store); // the store opened it: the same key, for a renewal's sealing
            java.time.Instant notAfter = Provisioning.certificateNotAfter(unlocked.hub());
            return () -> {
                RunningTablet running = screens.get();
                running.session().statusBar().onCertificateExpiry(notAfter);
                if (unlocked.trial()) {
                    provisioning.watchTrial(running.session().core());
                }
                return new LockedTablet.Opened(running.view(), running.session()::missionActive);
            };
        }, lockAfter, System::nanoTime);
        getChildren().setAll(locked);
    }

    /** The Hub identity's import after the PIN (renewal, a new vhost): null before the store is open. */
    public ProvisioningViewModel renewal(Runnable done) {
        Vault key = vault;
        return key == null ? null : ProvisioningViewModel.renewal((bundle, password) -> provisioning.importRenewal(bundle, password, key),
                background, labels, done);
    }

    public void stop() {
        if (locked != null) {
            locked.stop();
        }
    }
}
