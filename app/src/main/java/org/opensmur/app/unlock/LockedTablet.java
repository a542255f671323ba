package org.opensmur.app.unlock;

import java.time.Duration;
import java.util.function.BooleanSupplier;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.function.LongSupplier;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.event.Event;
import javafx.scene.Node;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseEvent;
import javafx.scene.input.ScrollEvent;
import javafx.scene.input.TouchEvent;
import javafx.scene.layout.StackPane;
import org.opensmur.app.ui.Background;
import org.opensmur.app.ui.Labels;
import org.opensmur.app.ui.StartingView;
import org.opensmur.app.ui.StartupProblemView;
import org.opensmur.store.crypto.PinLock;
import org.opensmur.store.crypto.StoreKeyProvider;
import org.opensmur.store.db.StoreException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The tablet behind its PIN: the unlock screen first; once the PIN is right, the screens {@code open}
 * builds on the store it opened. After {@code lockAfter} without a touch and outside an active mission, the
 * screens are hidden under the keypad again (the store stays open: messages keep arriving and being
 * acknowledged); the PIN shows them again. A crew in a mission is never locked out of its screens.
 */
public final class LockedTablet extends StackPane {

    private static final Logger LOG = LoggerFactory.getLogger(LockedTablet.class);

    /** What the store opened into: the screens, and whether a mission is under way (never locked then). */
    public record Opened(Node screens, BooleanSupplier missionActive) {
    }

    private final PinLock lock;
    private final Background background;
    private final Labels labels;
    private final Duration lockAfter;
    private final LongSupplier nanoTime;
    private final Timeline idleWatch;
    private Opened opened;
    private UnlockView overlay;
    private long lastTouch;

    /**
     * @param open what the right PIN's keys open: called off the UI thread (opening the store takes about a
     *             second, during which the crew sees that it is opening), it gives what builds the screens,
     *             then called on the UI thread
     */
    public LockedTablet(PinLock lock, Background background, Labels labels, Function<StoreKeyProvider, Supplier<Opened>> open,
                        Duration lockAfter, LongSupplier nanoTime) {
        this.lock = lock;
        this.background = background;
        this.labels = labels;
        this.lockAfter = lockAfter;
        this.nanoTime = nanoTime;
        getStyleClass().add("tablet");
        getChildren().setAll(new UnlockView(new UnlockViewModel<>(lock, background, labels, keys -> open(open, keys)), labels));
        for (var type : java.util.List.of(MouseEvent.MOUSE_PRESSED, TouchEvent.TOUCH_PRESSED, KeyEvent.KEY_PRESSED, ScrollEvent.SCROLL)) {
            addEventFilter(type, this::touched);
        }
        idleWatch = new Timeline(new KeyFrame(javafx.util.Duration.seconds(1), e -> lockIfIdle()));
        idleWatch.setCycleCount(Timeline.INDEFINITE);
    }

    private void open(Function<StoreKeyProvider, Supplier<Opened>> open, StoreKeyProvider keys) {
        getChildren().setAll(new StartingView(labels));
        background.run(() -> open.apply(keys), screens -> {
            try {
                opened = screens.get();
            } catch (StoreException e) {
                cannotOpen(e);
                return;
            }
            getChildren().setAll(opened.screens());
            lastTouch = nanoTime.getAsLong();
            if (!lockAfter.isZero()) {
                idleWatch.play();
            }
        }, this::cannotOpen);
    }

    private void cannotOpen(RuntimeException e) {
        if (e instanceof StoreException store) {
            // The PIN was right but the store cannot open (its database missing beside its key, damaged...).
            LOG.error("cannot open the store: {}", store.getMessage());
            getChildren().setAll(new StartupProblemView(labels.storageProblem(store), store.getMessage()));
        } else {
            LOG.error("cannot open the screens: {}", e.toString());
            getChildren().setAll(new StartupProblemView(labels.get("startup.settings"), e.toString()));
        }
    }

    private void touched(Event event) {
        lastTouch = nanoTime.getAsLong();
    }

    /** Whether the screens are hidden under the keypad (or not opened yet). */
    public boolean locked() {
        return opened == null || overlay != null;
    }

    private void lockIfIdle() {
        if (overlay != null || opened == null || opened.missionActive().getAsBoolean()) {
            return;
        }
        if (nanoTime.getAsLong() - lastTouch >= lockAfter.toNanos()) {
            lockNow();
        }
    }

    /** Hides the screens under the keypad; the PIN shows them again. */
    public void lockNow() {
        if (opened == null || overlay != null) {
            return;
        }
        overlay = new UnlockView(new UnlockViewModel<>(lock, background, labels, keys -> unlock()), labels);
        opened.screens().setVisible(false); // nothing of the mission shows, not even through a transparent pixel
        opened.screens().setDisable(true); // nor takes a key typed on a hardware keyboard
        getChildren().add(overlay);
        overlay.requestFocus();
    }

    private void unlock() {
        getChildren().remove(overlay);
        overlay = null;
        opened.screens().setDisable(false);
        opened.screens().setVisible(true);
        lastTouch = nanoTime.getAsLong();
    }

    /** Stops watching for idleness (the app is closing). */
    public void stop() {
        idleWatch.stop();
    }
}
