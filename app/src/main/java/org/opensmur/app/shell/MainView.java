package org.opensmur.app.shell;

import org.opensmur.app.ui.Labels;
import org.opensmur.app.ui.Theme;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.opensmur.app.session.TabletSession;
import org.opensmur.app.bilan.BilanView;
import org.opensmur.app.connection.StatusBarView;
import org.opensmur.app.document.DocumentView;
import org.opensmur.app.engagement.EngagementView;
import org.opensmur.app.header.MissionHeaderView;
import org.opensmur.app.log.MessageLogView;
import org.opensmur.app.map.MissionMapView;
import org.opensmur.app.mission.MissionView;
import org.opensmur.app.rpis.RpisView;
import org.opensmur.app.status.StatusView;

/**
 * The frame: status bar on top, the screen in the middle, and one tab bar at the bottom, so that every
 * screen is one tap away from any other. A request ringing and the SAMU's alerts come over the top of the
 * screen, full width, without moving anything below them; for {@link #TAP_LOCK} after they appear they take
 * no tap, so that a tap meant for the screen lands where it was aimed or nowhere.
 */
public final class MainView extends StackPane {

    /** How long an alert arriving under a finger refuses taps. */
    public static final javafx.util.Duration TAP_LOCK = javafx.util.Duration.millis(600);
    private final BorderPane frame = new BorderPane();
    private boolean tapLocked;

    public enum Screen { MISSION, STATUS, MAP, BILAN, DOCUMENTS, RPIS, LOG, SHIFT }

    private final Map<Screen, Supplier<Node>> factories = new LinkedHashMap<>();
    private final Map<Screen, Node> screens = new LinkedHashMap<>();
    private final TabletSession session;
    private final Map<Screen, ToggleButton> tabs = new LinkedHashMap<>();
    private final Map<Theme, ToggleButton> themeChoices = new java.util.EnumMap<>(Theme.class);
    private final Labels labels;
    private StatusView statusView;

    public MainView(TabletSession session, Labels labels) {
        this.session = session;
        this.labels = labels;
        getStyleClass().add("tablet");
        StatusBarView statusBar = new StatusBarView(session.statusBar());
        // The mission header on every screen; ANNULE as the next status is asked on the status screen.
        MissionHeaderView header = new MissionHeaderView(session.header(), labels, () -> {
            show(Screen.STATUS);
            statusView.askCancel();
        });
        VBox top = new VBox(statusBar, header);
        frame.setTop(top);
        VBox overlay = new VBox(new EngagementView(session.engagement(), labels),
                new org.opensmur.app.alert.AlertView(session.alerts(), labels, () -> show(Screen.MISSION)));
        overlay.setPickOnBounds(false); // only the cards take taps; the rest of the screen stays in reach
        overlay.setAlignment(javafx.geometry.Pos.TOP_CENTER);
        // The status bar stays readable above the cards.
        overlay.paddingProperty().bind(javafx.beans.binding.Bindings.createObjectBinding(
                () -> new Insets(statusBar.getHeight(), 0, 0, 0), statusBar.heightProperty()));
        // The header's next-status action stays in reach under a card: the card covers the screen, not the header.
        overlay.getStyleClass().add("alert-layer");
        javafx.beans.binding.BooleanBinding alerting = session.engagement().pendingProperty().isNotNull()
                .or(session.alerts().currentProperty().isNotNull());
        overlay.visibleProperty().bind(alerting);
        // Locked: every press on the cards is swallowed there (a disabled node would let it through to the
        // screen below, which is exactly what must not happen).
        javafx.css.PseudoClass locked = javafx.css.PseudoClass.getPseudoClass("locked");
        javafx.event.EventHandler<javafx.event.Event> swallow = e -> {
            if (tapLocked) {
                e.consume();
            }
        };
        overlay.addEventFilter(javafx.scene.input.MouseEvent.ANY, swallow::handle);
        overlay.addEventFilter(javafx.scene.input.TouchEvent.ANY, swallow::handle);
        overlay.addEventFilter(javafx.scene.input.GestureEvent.ANY, swallow::handle);
        javafx.animation.PauseTransition unlock = new javafx.animation.PauseTransition(TAP_LOCK);
        unlock.setOnFinished(e -> {
            tapLocked = false;
            overlay.pseudoClassStateChanged(locked, false);
        });
        Runnable lockTaps = () -> {
            tapLocked = true;
            overlay.pseudoClassStateChanged(locked, true);
            unlock.playFromStart();
        };
        Runnable chime = () -> {
            var alert = session.alerts().currentProperty().get();
            session.alertSound().play(alert != null && alert.kind() == org.opensmur.app.alert.AlertViewModel.Kind.CANCELLED
                    ? org.opensmur.app.alert.AlertSound.Tone.CANCELLED : org.opensmur.app.alert.AlertSound.Tone.ALERT);
        };
        alerting.addListener((o, was, is) -> {
            if (is) {
                lockTaps.run();
                chime.run();
            }
        });
        session.alerts().currentProperty().addListener((o, was, is) -> {
            if (is != null && was != null) {
                lockTaps.run(); // a new alert over an old one
                chime.run();
            }
        });
        session.engagement().pendingProperty().addListener((o, was, is) -> {
            if (is != null && was != null && alerting.get()) {
                chime.run(); // another request while one rings
            }
        });
        getChildren().addAll(frame, overlay);
        // Each screen is built on first show (Gluon Maps starts loading tiles as soon as it exists).
        factories.put(Screen.MISSION, () -> new MissionView(session.mission(), labels, session::markMissionSeen, session::eraseMission,
                session::openShared));
        factories.put(Screen.STATUS, () -> statusView());
        factories.put(Screen.MAP, () -> new MissionMapView(session.map(), labels));
        factories.put(Screen.BILAN, () -> new BilanView(session.bilan(), session.patients(), labels));
        factories.put(Screen.DOCUMENTS, () -> new DocumentView(session.documents(), session.patients(), labels));
        factories.put(Screen.RPIS, () -> new RpisView(session.rpis(), session.patients(), labels));
        factories.put(Screen.LOG, () -> new MessageLogView(session.log(), labels));
        factories.put(Screen.SHIFT, () -> new org.opensmur.app.shift.ShiftView(session.shift(), labels));
        ToggleGroup group = new ToggleGroup();
        HBox bar = new HBox(8);
        bar.getStyleClass().add("tab-bar");
        bar.setPadding(new Insets(8));
        for (Screen screen : Screen.values()) {
            ToggleButton tab = new ToggleButton(labels.get("screen." + screen.name().toLowerCase()));
            tab.setId("tab-" + screen.name().toLowerCase());
            tab.getStyleClass().add("tab-button");
            tab.setToggleGroup(group);
            tab.setOnAction(e -> {
                if (screen == Screen.RPIS) {
                    session.prefillRpis();
                }
                show(screen);
            });
            tabs.put(screen, tab);
            bar.getChildren().add(tab);
        }
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        bar.getChildren().add(gap);
        // Themes are chosen, not cycled through: one tap on the one wanted, whatever the current one is.
        ToggleGroup themes = new ToggleGroup();
        for (Theme theme : Theme.values()) {
            ToggleButton choice = new ToggleButton(labels.get("theme." + theme.name().toLowerCase()));
            choice.setId("theme-" + theme.name().toLowerCase());
            choice.getStyleClass().add("theme-button");
            choice.setToggleGroup(themes);
            choice.setOnAction(e -> {
                choice.setSelected(true);
                if (getScene() != null) {
                    theme.applyTo(getScene());
                }
            });
            themeChoices.put(theme, choice);
            bar.getChildren().add(choice);
        }
        frame.setBottom(bar);
        show(Screen.MISSION);
        // After accepting an engagement, the statuses are what the crew needs next.
        session.status().caseIdProperty().addListener((o, was, is) -> {
            if (is != null) {
                show(Screen.STATUS);
            }
        });
        // After a restart, the screen the crew was on.
        session.restoredScreenProperty().addListener((o, was, screen) -> {
            if (screen != null && java.util.Arrays.stream(Screen.values()).anyMatch(s -> s.name().equals(screen))) {
                show(Screen.valueOf(screen));
            }
        });
    }

    /**
     * A screen taller than what is left (the request banner takes a third of a tablet's height) scrolls
     * instead of pushing the tab bar off the window; a screen that fits is laid out as before.
     */
    private static Node shrinkable(Node screen) {
        ScrollPane pane = new ScrollPane(screen);
        pane.setFitToWidth(true);
        pane.setFitToHeight(true);
        pane.getStyleClass().add("screen-frame");
        return pane;
    }

    private StatusView statusView() {
        if (statusView == null) {
            statusView = new StatusView(session.status(), labels);
        }
        return statusView;
    }

    /** Shows {@code theme} as the chosen one (the scene's sheets are the caller's: {@link Theme#applyTo}). */
    public void showTheme(Theme theme) {
        themeChoices.get(theme).setSelected(true);
    }

    /** Whether an alert that just arrived still refuses taps. */
    public boolean tapLocked() {
        return tapLocked;
    }

    public void show(Screen screen) {
        frame.setCenter(screens.computeIfAbsent(screen, s -> shrinkable(factories.get(s).get())));
        tabs.get(screen).setSelected(true);
        session.screenShown(screen.name(), screen == Screen.MISSION);
    }
}
