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
 * The frame: status bar and mission header on top, the screen in the middle, and one tab bar at the bottom
 * (wrapping on a narrow window), so that every screen is one tap away from any other. A request ringing and
 * the SAMU's alert cards come over the top of the screen, under the mission header (which stays in sight and
 * in reach), full width, without moving anything below them; for {@link #TAP_LOCK} after they appear they
 * take no tap, so that a tap meant for the screen lands where it was aimed or nowhere.
 */
public final class MainView extends StackPane {

    /** How long an alert arriving under a finger refuses taps. */
    public static final javafx.util.Duration TAP_LOCK = javafx.util.Duration.millis(600);
    private final BorderPane frame = new BorderPane();
    /** Below this height, the compact sizes. */
    static final double COMPACT = 700;
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
        // A low screen (1024x600) gets the compact sizes (base.css, :compact): status buttons and fields a
        // little lower, still far above the 48 px of a gloved finger.
        javafx.css.PseudoClass compact = javafx.css.PseudoClass.getPseudoClass("compact");
        heightProperty().addListener((o, was, is) -> pseudoClassStateChanged(compact, is.doubleValue() > 0 && is.doubleValue() < COMPACT));
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
        // The status bar and the mission header (the clock, the current status, the next-status action) stay in
        // sight and in reach above the cards: a card covers the top of the screen, never the mission.
        overlay.paddingProperty().bind(javafx.beans.binding.Bindings.createObjectBinding(
                () -> new Insets(top.getHeight(), 0, 0, 0), top.heightProperty()));
        overlay.getStyleClass().add("alert-layer");
        javafx.beans.binding.BooleanBinding alerting = session.engagement().pendingProperty().isNotNull()
                .or(javafx.beans.binding.Bindings.isNotEmpty(session.alerts().cards()));
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
            session.alerts().sound().play(alert != null && alert.kind() == org.opensmur.app.alert.AlertViewModel.Kind.CANCELLED
                    ? org.opensmur.app.alert.AlertSound.Tone.CANCELLED : org.opensmur.app.alert.AlertSound.Tone.ALERT);
        };
        alerting.addListener((o, was, is) -> {
            if (is) {
                lockTaps.run();
                chime.run();
            }
        });
        session.alerts().cards().addListener((javafx.collections.ListChangeListener<org.opensmur.app.alert.AlertViewModel.Alert>) change -> {
            boolean added = false;
            while (change.next()) {
                added |= change.wasAdded();
            }
            if (added && change.getList().size() > 1) {
                lockTaps.run(); // a new card beside the others
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
        // The bilan, and from it the handover timeline of the same patient.
        factories.put(Screen.BILAN, () -> new org.opensmur.app.handover.BilanAndHandover(new BilanView(session.bilan(), session.patients(), labels),
                new org.opensmur.app.handover.HandoverView(session.handover(), session.patients(), labels), session.handover(), labels));
        factories.put(Screen.DOCUMENTS, () -> new DocumentView(session.documents(), session.patients(), labels));
        factories.put(Screen.RPIS, () -> new RpisView(session.rpis(), session.patients(), labels));
        factories.put(Screen.LOG, () -> {
            BorderPane log = new BorderPane(new MessageLogView(session.log(), labels));
            log.setTop(new org.opensmur.app.owed.OwedView(session.owed(), labels));
            return log;
        });
        factories.put(Screen.SHIFT, () -> new org.opensmur.app.shift.ShiftView(session.shift(), labels));
        ToggleGroup group = new ToggleGroup();
        // The tabs, then the themes: on as many lines as the window's width needs, none cut, none off screen.
        javafx.scene.layout.FlowPane bar = new javafx.scene.layout.FlowPane(8, 8);
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
                if (screen == Screen.BILAN && screens.get(screen) instanceof ScrollPane frame
                        && frame.getContent() instanceof org.opensmur.app.handover.BilanAndHandover both) {
                    both.showBilan(); // the tab is the bilan's, even when its handover was shown
                }
            });
            tabs.put(screen, tab);
            bar.getChildren().add(tab);
        }
        HBox themeChoice = new HBox(6);
        themeChoice.setId("theme-choice");
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
            // The chosen one is marked in words too, not by a shade alone (a shade reads as nothing at night).
            String name = labels.get("theme." + theme.name().toLowerCase());
            choice.textProperty().bind(javafx.beans.binding.Bindings.when(choice.selectedProperty())
                    .then("✓ " + name).otherwise(name));
            choice.setAccessibleText(name);
            themeChoices.put(theme, choice);
            themeChoice.getChildren().add(choice);
        }
        bar.getChildren().add(themeChoice);
        // Whoever applies a theme to the scene (the settings at start, the demo, a tap), the bar marks it.
        javafx.collections.ListChangeListener<String> sheets = change -> markTheme();
        sceneProperty().addListener((o, was, is) -> {
            if (was != null) {
                was.getStylesheets().removeListener(sheets);
            }
            if (is != null) {
                is.getStylesheets().addListener(sheets);
                markTheme();
            }
        });
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
        ScrollPane pane = org.opensmur.app.ui.Scrolling.of(screen);
        pane.setFitToWidth(true);
        pane.setFitToHeight(true);
        pane.getStyleClass().add("screen-frame");
        return pane;
    }

    private StatusView statusView() {
        if (statusView == null) {
            statusView = new StatusView(session.status(), labels);
            statusView.showOwed(new org.opensmur.app.owed.OwedView(session.owed(), labels));
        }
        return statusView;
    }

    private void markTheme() {
        if (getScene() != null) {
            Theme.of(getScene()).ifPresent(theme -> themeChoices.get(theme).setSelected(true));
        }
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
        Node shown = screens.computeIfAbsent(screen, s -> shrinkable(factories.get(s).get()));
        frame.setCenter(shown);
        // Styled now rather than at the next frame: a scroll pane puts its screen in the scene only once it has its
        // skin, so what the tap opened is there, whole, when the tap's handler returns.
        shown.applyCss();
        if (screen == Screen.MISSION) {
            session.alerts().missionSeen(); // what an update card asked the crew to look at is in front of them
        }
        tabs.get(screen).setSelected(true);
        session.screenShown(screen.name(), screen == Screen.MISSION);
    }
}
