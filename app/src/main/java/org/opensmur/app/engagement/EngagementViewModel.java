package org.opensmur.app.engagement;

import java.util.List;
import java.util.function.Supplier;
import org.opensmur.core.mission.ContactType;
import org.opensmur.core.mission.ResourceContact;
import org.opensmur.core.shift.ShiftSetup;
import java.time.Clock;
import java.time.OffsetDateTime;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.opensmur.app.TabletSettings;
import org.opensmur.app.shell.Background;
import org.opensmur.app.shell.Labels;
import org.opensmur.core.mission.RequestedResource;
import org.opensmur.core.mission.ResourceInfo;
import org.opensmur.core.mission.ResourcesEngagement;
import org.opensmur.core.mission.Team;
import org.opensmur.store.db.StoreException;
import org.opensmur.tablet.TabletCore;

/** An engagement request rings the tablet; one tap accepts (RS-RI with resource, crew, vehicle) or declines. */
public final class EngagementViewModel {

    /** A request waiting for the crew's answer. */
    public record Request(String caseId, String lrmId, String summary, RequestedResource requested) {
    }

    /**
     * Said above a request that comes from a party the tablet's settings do not name as its SAMU (empty when
     * it is its SAMU): such a request is never accepted without the crew reading who sent it.
     */
    public ReadOnlyStringProperty unknownSenderProperty() {
        return unknownSender;
    }

    private final StringProperty unknownSender = new SimpleStringProperty("");

    /** What the crew answered, so the mission screen can follow. */
    public interface Answer {
        void accepted(String caseId, String lrmId);

        void declined(String caseId);
    }

    private final TabletCore core;
    private final Background background;
    private final TabletSettings settings;
    private final Labels labels;
    private final Clock clock;
    private final Answer answer;
    private final ObjectProperty<Request> pending = new SimpleObjectProperty<>();
    private final StringProperty outcome = new SimpleStringProperty("");

    public EngagementViewModel(TabletCore core, Background background, TabletSettings settings, Labels labels, Clock clock,
                               Answer answer) {
        this.core = core;
        this.background = background;
        this.settings = settings;
        this.labels = labels;
        this.clock = clock;
        this.answer = answer;
    }

    public void ring(ResourcesEngagement request, String lrmId, String caseSummary) {
        RequestedResource requested = request.resource().isEmpty() ? null : request.resource().get(0);
        pending.set(new Request(request.caseId(), lrmId, caseSummary, requested));
        unknownSender.set(settings.hub().trustedParties().contains(lrmId) ? ""
                : labels.format("engagement.unknownSender", org.opensmur.core.mission.Steering.organisation(lrmId), lrmId));
        missionId.set(missionId(request.caseId())); // generated; the crew may write their own before accepting
        outcome.set("");
    }

    private Supplier<ShiftSetup> shift = () -> null;
    private final StringProperty missionId = new SimpleStringProperty("");

    /** The SMUR's mission number the reply will carry (generated when the request rings, editable). */
    public StringProperty missionIdProperty() {
        return missionId;
    }

    public void accept() {
        Request request = pending.get();
        if (request == null) {
            return;
        }
        String vehicleType = request.requested() != null ? request.requested().vehicleType() : settings.vehicleType();
        // What the shift set-up says (vehicle, team and its level, phone, crew); what it does not say is left out.
        ShiftSetup on = shift.get();
        String vehicle = on != null && on.vehicleName() != null ? on.vehicleName() : settings.vehicleName();
        String teamName = on != null && on.teamName() != null ? on.teamName() : settings.crewName();
        Team team = (on == null || on.medicalLevel() == null) && teamName == null ? null
                : new Team(on == null ? null : on.medicalLevel(), teamName); // nothing said of the team: no team object
        ResourceContact contact = on == null || on.contactPhone() == null ? null : new ResourceContact(ContactType.TEL, on.contactPhone());
        List<String> crew = on == null || on.crewLine().isEmpty() ? null : List.of(on.crewLine());
        String missionId = this.missionId.get() == null || this.missionId.get().isBlank() ? missionId(request.caseId())
                : this.missionId.get().strip();
        OffsetDateTime now = OffsetDateTime.now(clock).truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        // Its state as the reply leaves: engaged by the regulation's decision, accepted now.
        List<org.opensmur.core.status.ResourceState> state = List.of(new org.opensmur.core.status.ResourceState(now,
                org.opensmur.core.status.ResourceStatus.DECISION, null));
        ResourceInfo engaged = new ResourceInfo(now, settings.resourceId(), null, missionId,
                settings.unit().orgId(), null, null, vehicleType, vehicle, null, team, state, contact, crew);
        var reply = core.outgoing().engagementReply(request.caseId(), engaged, request.lrmId());
        if (!reply.isValid()) {
            // e.g. a vehicle type the request named but the Hub's list does not know: ours is sent instead
            reply = core.outgoing().engagementReply(request.caseId(), new ResourceInfo(engaged.datetime(), engaged.resourceId(),
                    null, missionId, engaged.orgId(), null, null, settings.vehicleType(), vehicle, null, engaged.team(),
                    state, contact, crew), request.lrmId());
        }
        var chosen = reply;
        pending.set(null); // answered once: a second tap during the save does not send a second reply
        background.run(() -> core.send(chosen), entry -> {
            outcome.set(labels.get("engagement.accepted"));
            answer.accepted(request.caseId(), request.lrmId());
        }, e -> {
            pending.set(request); // the request stays on screen: accept again once it can be saved
            outcome.set(e instanceof StoreException store ? labels.storageProblem(store) : labels.get("storage.OTHER"));
        });
    }

    /** The shift set-up the reply is built from (the session's; none: the settings alone). */
    public void shiftFrom(Supplier<ShiftSetup> source) {
        this.shift = source;
    }

    /**
     * The SMUR's own mission number for this case: the case's regulation number and the mission's rank
     * ({@code DRFR15…0236.M001}), as the recette's RS-RI has it.
     */
    static String missionId(String caseId) {
        return caseId.substring(caseId.lastIndexOf('.') + 1) + ".M001";
    }

    /** Declining sends nothing the Hub models for it: the crew calls the regulation, as the banner says. */
    public void decline() {
        Request request = pending.get();
        if (request == null) {
            return;
        }
        pending.set(null);
        outcome.set(labels.get("engagement.declined"));
        answer.declined(request.caseId());
    }

    public ReadOnlyObjectProperty<Request> pendingProperty() {
        return pending;
    }

    public ReadOnlyStringProperty outcomeProperty() {
        return outcome;
    }
}
