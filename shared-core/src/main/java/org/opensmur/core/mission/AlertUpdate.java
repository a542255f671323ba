package org.opensmur.core.mission;

import java.util.List;

/** Call notes an update may add. */
public record AlertUpdate(
        List<AlertNote> notes) {
}
