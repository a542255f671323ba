package org.opensmur.app.shell;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.opensmur.app.TabletSession;
import org.opensmur.app.bilan.BilanView;
import org.opensmur.app.connection.StatusBarView;
import org.opensmur.app.document.DocumentView;
import org.opensmur.app.engagement.EngagementView;
import org.opensmur.app.log.MessageLogView;
import org.opensmur.app.map.MapScreen;
import org.opensmur.app.mission.MissionView;
import org.opensmur.app.rpis.RpisView;
import org.opensmur.app.status.StatusView;

/**
 * The frame: status bar and engagement banner on top, the screen in the middle, and one tab bar at the
 * bottom, so that every screen is one tap away from any other.
 */
public final class MainView extends BorderPane {

    public enum Screen { MISSION, STATUS, MAP, BILAN, DOCUMENTS, RPIS, LOG }

    private final Map<Screen, Supplier<Node>> factories = new LinkedHashMap<>();
    private final Map<Screen, Node> screens = new LinkedHashMap<>();
    private final TabletSession session;
    private final Map<Screen, ToggleButton> tabs = new LinkedHashMap<>();

    public MainView(TabletSession session, Labels labels, Runnable nextTheme) {
        this.session = session;
        getStyleClass().add("tablet");
        setTop(new VBox(new StatusBarView(session.statusBar()), new EngagementView(session.engagement(), labels)));
        // Each screen is built on first show (Gluon Maps starts loading tiles as soon as it exists).
        factories.put(Screen.MISSION, () -> new MissionView(session.mission(), labels, session::markMissionSeen, session::eraseMission));
        factories.put(Screen.STATUS, () -> new StatusView(session.status(), labels));
        factories.put(Screen.MAP, () -> new MapScreen(session.ownPosition(), session.interventionPoint()));
        factories.put(Screen.BILAN, () -> new BilanView(session.bilan(), labels));
        factories.put(Screen.DOCUMENTS, () -> new DocumentView(session.documents(), labels));
        factories.put(Screen.RPIS, () -> new RpisView(session.rpis(), labels));
        factories.put(Screen.LOG, () -> new MessageLogView(session.log(), labels));
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
        Button theme = new Button(labels.get("theme.next"));
        theme.setId("theme-next");
        theme.getStyleClass().add("tab-button");
        theme.setOnAction(e -> nextTheme.run());
        bar.getChildren().addAll(gap, theme);
        setBottom(bar);
        show(Screen.MISSION);
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

    public void show(Screen screen) {
        setCenter(screens.computeIfAbsent(screen, s -> shrinkable(factories.get(s).get())));
        tabs.get(screen).setSelected(true);
        session.screenShown(screen.name(), screen == Screen.MISSION);
    }
}
