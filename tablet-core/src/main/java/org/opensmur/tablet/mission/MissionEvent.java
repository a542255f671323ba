package org.opensmur.tablet.mission;

import java.util.List;
import org.opensmur.core.mission.ResourceInfo;
import org.opensmur.core.mission.ResourcesEngagement;
import org.opensmur.core.tablet.CaseView;

/**
 * What the mission core tells the tablet's faces (the app's screens, the headless crew), on the core's
 * event bus, after what it is about is stored. Each face subscribes on its own thread.
 */
public sealed interface MissionEvent {

    /**
     * An engagement request waits for the crew's answer (again after a restart until answered).
     *
     * @param view      the case as the store has it (null when its RS-EDA has not come)
     * @param trusted   whether the sender is this tablet's SAMU or a partner of it
     * @param afterRestart rung again from the store, not just received
     */
    record RequestRinging(String requestId, String lrmId, ResourcesEngagement request, CaseView view,
                          boolean trusted, boolean afterRestart) implements MissionEvent {
    }

    /**
     * The crew is engaged on a case (accepted, or brought back after a restart), or opened a case shared with it
     * ({@code shared}: périmètre 1, no engagement request; documents, bilan and RPIS work on it, statuses are
     * kept on the tablet only); {@code view} may be null.
     */
    record MissionOpened(String caseId, String lrmId, CaseView view, int conflicts, boolean shared) implements MissionEvent {
    }

    /**
     * A trusted party (the tablet's SAMU or a partner of it) shared a case the crew is not on, with no engagement
     * request: the crew may open it ({@link MissionCore#openShared}).
     */
    record CaseShared(String caseId, String lrmId) implements MissionEvent {
    }

    /** A case message changed what the store holds of the open case (or of a case while none is open or the open one is over). */
    record CaseChanged(CaseView view) implements MissionEvent {
    }

    /** The open case was updated while the crew was on another screen than the mission's. */
    record UpdatedAway(String caseId) implements MissionEvent {
    }

    /** The SAMU cancelled the request still ringing for {@code caseId}: it is withdrawn, nothing to answer. */
    record RequestWithdrawn(String caseId) implements MissionEvent {
    }

    /** The SAMU cancelled the crew's engagement on the open case. */
    record CancelledBySamu(String caseId) implements MissionEvent {
    }

    /** Other resources the SAMU engaged on the open case (this tablet's own left out). */
    record OtherResources(String caseId, List<ResourceInfo> resources) implements MissionEvent {
    }

    /** Copies of the open case's messages that disagree with what is kept (the crew is told how many). */
    record ConflictsChanged(String caseId, int count) implements MissionEvent {
    }

    /** The status timeline changed: a tap, a correction, a delivery state, a cancellation. */
    record TimelineChanged(Timeline timeline) implements MissionEvent {
    }

    /**
     * The mission was erased from the tablet: nothing is open. {@code pastRetention}: by the retention, its time
     * over (else at the crew's asking).
     */
    record MissionErased(String caseId, boolean pastRetention) implements MissionEvent {
    }

    /** The mission is as it was before the restart; {@code screen}: the screen the crew had (null: none saved). */
    record Restored(String screen) implements MissionEvent {
    }
}
