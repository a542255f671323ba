package org.opensmur.app.unlock;

import java.time.Duration;
import java.util.Arrays;
import java.util.function.Consumer;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.opensmur.app.ui.Background;
import org.opensmur.app.ui.Labels;
import org.opensmur.core.tablet.PinGate;

/**
 * The unlock screen's state: the crew chooses the tablet's PIN (twice) on first start, then types it to
 * open the store. The digits typed are kept in a char array wiped after each try, never in a String. The
 * derivation (half a second by design) runs in the background; after a wrong PIN the keypad waits as long as
 * {@link PinGate} says, with the seconds left shown. {@code K}: what the right PIN opens, handed on unread.
 */
public final class UnlockViewModel<K> {

    public enum Mode { CHOOSE, CONFIRM, ENTER }

    private static final int MAX_DIGITS = 16;

    private final PinGate<K> lock;
    private final Background background;
    private final Labels labels;
    private final Consumer<K> unlocked;
    private final ObjectProperty<Mode> mode = new SimpleObjectProperty<>();
    private final StringProperty title = new SimpleStringProperty();
    private final StringProperty dots = new SimpleStringProperty("");
    private final StringProperty message = new SimpleStringProperty("");
    private final BooleanProperty busy = new SimpleBooleanProperty();
    private final BooleanProperty waiting = new SimpleBooleanProperty();
    /** The message is a problem (a refused or wrong PIN), not a step under way ("Vérification…"). */
    private final BooleanProperty problem = new SimpleBooleanProperty();
    private final char[] typed = new char[MAX_DIGITS];
    private int length;
    private char[] chosen;

    public UnlockViewModel(PinGate<K> lock, Background background, Labels labels, Consumer<K> unlocked) {
        this.lock = lock;
        this.background = background;
        this.labels = labels;
        this.unlocked = unlocked;
        enter(lock.isSetUp() ? Mode.ENTER : Mode.CHOOSE);
        tick();
    }

    private void enter(Mode next) {
        mode.set(next);
        title.set(labels.format("unlock.title." + next.name(), PinGate.MIN_DIGITS));
    }

    public void digit(int digit) {
        if (busy.get() || waiting.get() || length == MAX_DIGITS || digit < 0 || digit > 9) {
            return;
        }
        typed[length++] = (char) ('0' + digit);
        dots.set("●".repeat(length));
        say("", false); // the next try begins: the last one's message goes
    }

    public void erase() {
        if (length > 0 && !busy.get()) {
            typed[--length] = '\0';
            dots.set("●".repeat(length));
        }
    }

    public void submit() {
        if (busy.get() || waiting.get() || length == 0) {
            return;
        }
        char[] pin = Arrays.copyOf(typed, length);
        clearTyped();
        switch (mode.get()) {
            case CHOOSE -> {
                PinGate.PinProblem problem = lock.problemWith(pin);
                if (problem != null) {
                    Arrays.fill(pin, '\0');
                    say(labels.format("unlock.problem." + problem.name(), PinGate.MIN_DIGITS), true);
                    return;
                }
                chosen = pin;
                enter(Mode.CONFIRM);
                message.set("");
            }
            case CONFIRM -> {
                if (!Arrays.equals(chosen, pin)) {
                    wipeChosen();
                    Arrays.fill(pin, '\0');
                    enter(Mode.CHOOSE);
                    say(labels.get("unlock.mismatch"), true);
                    return;
                }
                wipeChosen();
                busy.set(true);
                say(labels.get("unlock.preparing"), false);
                background.run(() -> {
                    try {
                        return lock.choose(pin);
                    } finally {
                        Arrays.fill(pin, '\0');
                    }
                }, this::opened, this::failed);
            }
            case ENTER -> {
                busy.set(true);
                say(labels.get("unlock.checking"), false);
                background.run(() -> {
                    try {
                        return lock.unlock(pin);
                    } finally {
                        Arrays.fill(pin, '\0');
                    }
                }, this::tried, this::failed);
            }
        }
    }

    private void tried(PinGate.Attempt<K> attempt) {
        busy.set(false);
        switch (attempt) {
            case PinGate.Attempt.Opened<K> opened -> opened(opened.keys());
            case PinGate.Attempt.Wrong<K> wrong -> {
                waiting.set(true);
                say(labels.format("unlock.wrong", wrong.failures(), seconds(wrong.nextTryIn())), true);
            }
            case PinGate.Attempt.TooSoon<K> soon -> {
                waiting.set(true);
                say(labels.format("unlock.wait", seconds(soon.nextTryIn())), true);
            }
        }
    }

    private void opened(K keys) {
        busy.set(false);
        message.set("");
        unlocked.accept(keys);
    }

    private void failed(RuntimeException e) {
        busy.set(false);
        say(labels.problem(e, "unlock.failed"), true);
    }

    /** Once a second: the wait after a wrong PIN counts down, then the keypad takes digits again. */
    public void tick() {
        Duration left = lock.waitBeforeNextTry();
        if (left.isZero()) {
            if (waiting.get()) {
                waiting.set(false);
                say(labels.get("unlock.again"), true);
            }
            return;
        }
        waiting.set(true);
        if (!busy.get()) {
            say(labels.format("unlock.wait", seconds(left)), true);
        }
    }

    private void say(String text, boolean isProblem) {
        message.set(text);
        problem.set(isProblem);
    }

    private static long seconds(Duration wait) {
        return Math.max(1, (wait.toMillis() + 999) / 1000);
    }

    private void clearTyped() {
        Arrays.fill(typed, '\0');
        length = 0;
        dots.set("");
    }

    private void wipeChosen() {
        if (chosen != null) {
            Arrays.fill(chosen, '\0');
            chosen = null;
        }
    }

    public ReadOnlyObjectProperty<Mode> modeProperty() {
        return mode;
    }

    public ReadOnlyStringProperty titleProperty() {
        return title;
    }

    public ReadOnlyStringProperty dotsProperty() {
        return dots;
    }

    public ReadOnlyStringProperty messageProperty() {
        return message;
    }

    public ReadOnlyBooleanProperty problemProperty() {
        return problem;
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy;
    }

    public ReadOnlyBooleanProperty waitingProperty() {
        return waiting;
    }
}
