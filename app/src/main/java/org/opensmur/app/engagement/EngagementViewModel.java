package org.opensmur.app.engagement;

import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.opensmur.app.ui.Background;
import org.opensmur.app.ui.Labels;
import org.opensmur.core.mission.RequestedResource;
import org.opensmur.core.tablet.CaseView;
import org.opensmur.tablet.mission.EngagementReply;
import org.opensmur.tablet.mission.MissionCore;
import org.opensmur.tablet.mission.MissionEvent;

/**
 * An engagement request rings the tablet; one tap accepts (the mission core sends the RS-RI with resource,
 * crew, vehicle: {@link EngagementReply}) or declines.
 */
public final class EngagementViewModel {

    /** A request waiting for the crew's answer. */
    public record Request(String caseId, String lrmId, String summary, RequestedResource requested) {
    }

    private final MissionCore mission;
    private final Background background;
    private final Labels labels;
    private final ObjectProperty<Request> pending = new SimpleObjectProperty<>();
    private final StringProperty outcome = new SimpleStringProperty("");
    private final StringProperty unknownSender = new SimpleStringProperty("");
    private final StringProperty missionId = new SimpleStringProperty("");
    private final StringProperty extraState = new SimpleStringProperty("");
    private final StringProperty extraTime = new SimpleStringProperty("");
    private final Runnable declined;
    private final java.time.Clock clock;
    private final java.util.List<String> extraStates;

    /**
     * @param declined what the shell does when the crew declines (tell them to call the regulation)
     * @param line     the vhost's model line (the states the reply may carry)
     */
    public EngagementViewModel(MissionCore mission, Background background, Labels labels, Runnable declined,
                               org.opensmur.core.hub.validation.ModelLine line, java.time.Clock clock) {
        this.clock = clock;
        this.extraStates = line.constants(org.opensmur.core.status.ResourceStatus.class).stream()
                .filter(st -> st != org.opensmur.core.status.ResourceStatus.DECISION).map(org.opensmur.core.status.ResourceStatus::code).toList();
        this.mission = mission;
        this.background = background;
        this.labels = labels;
        this.declined = declined;
    }

    /** A request rings (on the UI thread); the crew seeing it is its RC-REF CONSULTE. */
    public void ring(MissionEvent.RequestRinging ringing) {
        RequestedResource requested = ringing.request().resource().isEmpty() ? null : ringing.request().resource().get(0);
        String caseId = ringing.request().caseId();
        pending.set(new Request(caseId, ringing.lrmId(), summary(ringing.view(), caseId), requested));
        // Said above a request from a party the settings do not name as the tablet's SAMU: read before accepting.
        unknownSender.set(ringing.trusted() ? ""
                : labels.format("engagement.unknownSender", org.opensmur.core.rules.Steering.organisation(ringing.lrmId()), ringing.lrmId()));
        missionId.set(EngagementReply.missionNumber(caseId)); // generated; the crew may write their own before accepting
        extraState.set("");
        extraTime.set("");
        outcome.set("");
        if (!ringing.afterRestart()) {
            background.run(() -> mission.requestShown(ringing.requestId()));
        }
    }

    private String summary(CaseView view, String caseId) {
        if (view == null) {
            return caseId;
        }
        var c = view.merged();
        return labels.format("engagement.summary", c.priority() == null ? "?" : c.priority().code(),
                java.util.Objects.requireNonNullElse(c.whatsHappenLabel(), ""), java.util.Objects.requireNonNullElse(c.address(), ""));
    }

    /**
     * Said above a request that comes from a party the tablet's settings do not name as its SAMU (empty when
     * it is its SAMU): such a request is never accepted without the crew reading who sent it.
     */
    public ReadOnlyStringProperty unknownSenderProperty() {
        return unknownSender;
    }

    /** The SMUR's mission number the reply will carry (generated when the request rings, editable). */
    public StringProperty missionIdProperty() {
        return missionId;
    }

    public void accept() {
        Request request = pending.get();
        if (request == null) {
            return;
        }
        java.util.List<org.opensmur.core.status.ResourceState> more;
        try {
            more = more();
        } catch (java.time.format.DateTimeParseException e) {
            outcome.set(labels.get("engagement.extraTime.bad"));
            return;
        }
        java.time.OffsetDateTime now = java.time.OffsetDateTime.now(clock);
        if (more.stream().anyMatch(state -> state.datetime().isAfter(now))) { // a state reached, not one to come
            outcome.set(labels.format("engagement.extraTime.toCome", Labels.time(now.atZoneSameInstant(clock.getZone()))));
            return;
        }
        pending.set(null); // answered once: a second tap during the save does not send a second reply
        String number = missionId.get();
        background.run(() -> mission.accept(number, more), sent -> outcome.set(labels.get("engagement.accepted")), e -> {
            pending.set(request); // the request stays on screen: accept again once it can be saved
            outcome.set(labels.problem(e));
        });
    }

    /**
     * The state the crew adds beside DECISION (DECLENCHE...) at the time typed (hh:mm, already lived; empty: now); none
     * when no state is picked. DECLENCHE says the resource is not available.
     */
    private java.util.List<org.opensmur.core.status.ResourceState> more() {
        String code = extraState.get();
        if (code == null || code.isBlank()) {
            return java.util.List.of();
        }
        var status = org.opensmur.core.status.ResourceStatus.valueOf(code.replace('-', '_'));
        String typed = extraTime.get() == null ? "" : extraTime.get().strip();
        java.time.OffsetDateTime at = typed.isEmpty() ? java.time.OffsetDateTime.now(clock)
                : org.opensmur.core.time.TimeOfDay.lived(java.time.LocalTime.parse(typed), java.time.ZonedDateTime.now(clock)).toOffsetDateTime();
        return java.util.List.of(new org.opensmur.core.status.ResourceState(at, status,
                status == org.opensmur.core.status.ResourceStatus.DECLENCHE ? Boolean.FALSE : null));
    }

    /** A state the reply carries beside DECISION (a code of {@link #extraStates()}; empty: none). */
    public StringProperty extraStateProperty() {
        return extraState;
    }

    /** When that state was reached, hh:mm (empty: now). */
    public StringProperty extraTimeProperty() {
        return extraTime;
    }

    /** The states the crew may add, as the vhost's line names them. */
    public java.util.List<String> extraStates() {
        return extraStates;
    }

    /** The SAMU cancelled the request on screen before the crew answered: it goes, and the crew is told why. */
    public void withdrawn(String caseId) {
        Request request = pending.get();
        if (request != null && request.caseId().equals(caseId)) {
            pending.set(null);
            outcome.set(labels.get("engagement.withdrawn"));
        }
    }

    /** Declining sends nothing the Hub models for it: the crew calls the regulation, as the banner says. */
    public void decline() {
        if (pending.get() == null) {
            return;
        }
        pending.set(null);
        outcome.set(labels.get("engagement.declined"));
        background.run(mission::decline);
        declined.run();
    }

    public ReadOnlyObjectProperty<Request> pendingProperty() {
        return pending;
    }

    public ReadOnlyStringProperty outcomeProperty() {
        return outcome;
    }
}
