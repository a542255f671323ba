package org.opensmur.app.testing;

import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import org.testfx.api.FxRobot;

/** The crew's ways through a {@link org.opensmur.app.ui.CodePicker} in the TestFX flows. */
public final class Pickers {

    private Pickers() {
    }

    /** The keyboard's way: the picker opened, {@code words} written in its search, Enter. */
    public static void type(FxRobot robot, String id, String words) {
        open(robot, id);
        TextField search = robot.lookup(id + "-search").queryAs(TextField.class);
        robot.interact(() -> {
            search.setText(words);
            search.fireEvent(new KeyEvent(KeyEvent.KEY_PRESSED, "", "", KeyCode.ENTER, false, false, false, false));
        });
    }

    /** The touch way: the picker brought into sight and tapped, {@code words} written in its search, its first row tapped. */
    public static void tap(FxRobot robot, String id, String words) {
        Node button = robot.lookup(id).query();
        intoSight(robot, button);
        if (!open(robot.lookup(id + "-search").queryAs(TextField.class))) {
            robot.clickOn(button);
        }
        TextField search = robot.lookup(id + "-search").queryAs(TextField.class);
        robot.interact(() -> search.setText(words));
        // the list is read in the background when the picker opens: its first row once it is shown
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(5)).until(() -> robot.lookup(id + "-list").lookup(".list-cell")
                .queryAll().stream().anyMatch(c -> c.isVisible() && ((javafx.scene.control.ListCell<?>) c).getItem() != null));
        Node first = robot.lookup(id + "-list").lookup(".list-cell").queryAll().stream()
                .filter(c -> ((javafx.scene.control.ListCell<?>) c).getIndex() == 0).findFirst().orElseThrow();
        intoSight(robot, first);
        robot.clickOn(first);
    }

    /** What the picker shows (the code picked in words, or "Choisir…"). */
    public static String shown(FxRobot robot, String id) {
        return robot.lookup(id).queryAs(Button.class).getText();
    }

    private static void open(FxRobot robot, String id) {
        Button button = robot.lookup(id).queryAs(Button.class);
        TextField search = robot.lookup(id + "-search").queryAs(TextField.class);
        robot.interact(() -> {
            if (!open(search)) {
                button.fire();
            }
        });
    }

    /** Whether the picker's search panel is shown. */
    private static boolean open(TextField search) {
        return search.getParent() != null && search.getParent().isVisible();
    }

    /** Scrolls the screen that holds {@code node} until it is in sight (a tap lands where it is shown). */
    public static void intoSight(FxRobot robot, Node node) {
        for (int attempt = 0; attempt < 3 && !inSight(robot, node); attempt++) {
            scroll(robot, node);
        }
    }

    private static boolean inSight(FxRobot robot, Node node) {
        org.testfx.util.WaitForAsyncUtils.waitForFxEvents();
        javafx.geometry.Bounds b = SceneBounds.inScene(node);
        for (Node n = node.getParent(); n != null; n = n.getParent()) {
            if (n instanceof ScrollPane scroll) {
                javafx.geometry.Bounds view = SceneBounds.layoutInScene(scroll);
                return b.getMinY() >= view.getMinY() && b.getMaxY() <= view.getMaxY();
            }
        }
        return true;
    }

    private static void scroll(FxRobot robot, Node node) {
        robot.interact(() -> {
            for (Node n = node.getParent(); n != null; n = n.getParent()) {
                if (n instanceof ScrollPane scroll && scroll.getContent() != null) {
                    scroll.applyCss();
                    scroll.layout(); // a picker just closed above: the layout as it is now
                    double contentHeight = scroll.getContent().getBoundsInLocal().getHeight();
                    double viewport = scroll.getViewportBounds().getHeight();
                    if (contentHeight > viewport) {
                        double y = scroll.getContent().sceneToLocal(node.localToScene(0, 0)).getY();
                        double target = Math.max(0, Math.min(1, (y - viewport / 3) / (contentHeight - viewport)));
                        scroll.setVvalue(target);
                    }
                    scroll.layout();
                    return;
                }
            }
        });
        org.testfx.util.WaitForAsyncUtils.waitForFxEvents();
    }
}
