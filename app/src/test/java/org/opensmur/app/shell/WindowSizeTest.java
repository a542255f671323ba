package org.opensmur.app.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import javafx.geometry.Rectangle2D;
import org.junit.jupiter.api.Test;

/** The desktop window opens within the screen it opens on, title bar included, and at the tablet's size where it can. */
class WindowSizeTest {

    @Test
    void aLowScreenGetsAWindowThatFitsItTitleBarIncluded() {
        Rectangle2D screen = new Rectangle2D(0, 0, 1024, 600);
        WindowSize size = WindowSize.within(screen);
        assertTrue(size.width() <= screen.getWidth(), "width " + size.width());
        assertTrue(size.height() + WindowSize.TITLE_BAR <= screen.getHeight(), "height " + size.height());
        assertTrue(size.height() >= 500, "still a tablet's screen, not a sliver: " + size.height());
    }

    @Test
    void aLargeScreenGetsTheTabletsSizeAndAnUprightOneItsWidth() {
        assertEquals(WindowSize.TABLET, WindowSize.within(new Rectangle2D(0, 0, 1920, 1200)));
        WindowSize upright = WindowSize.within(new Rectangle2D(0, 0, 800, 1280));
        assertEquals(800, upright.width());
        assertEquals(WindowSize.TABLET.height(), upright.height());
    }
}
