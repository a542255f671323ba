package org.opensmur.tablet.mission;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.opensmur.core.hub.validation.ModelLine;
import org.opensmur.core.status.ResourceStatus;
import org.opensmur.core.rules.StatusFlow;
import org.opensmur.core.tablet.DeliveryState;

/**
 * The status timeline of one mission at one moment, as the crew made it: every tap in order (corrected ones
 * kept and marked: a correction is a new message, the history is never deleted), where each tap's message
 * is, and what the rules of the flow make of them: the status expected next, the time of each status,
 * whether the last tap may still be corrected, whether the mission is over. Immutable: a new one per change.
 *
 * @param cancelledBySamu the SAMU cancelled the engagement: ANNULE is what the crew is expected to confirm
 * @param shared          a case shared with the crew without an engagement request (périmètre 1): its taps are
 *                        kept on the tablet only, for the RPIS times, and no RS-SR carries them ({@link Tap#local()});
 *                        an engagement request accepted later for the same case continues it, taps kept
 * @param resent          the message each tap was last sent again in, by the tap's own (the crew's "send again" of a
 *                        status the SAMU did not confirm in time): the tap's delivery follows that message
 */
public record Timeline(ModelLine line, String caseId, String lrmId, List<Tap> taps, Map<String, Instant> corrected, List<String> corrections,
                       Map<String, DeliveryState> states, boolean cancelledBySamu, boolean shared, Map<String, String> resent) {

    /** How long after a tap the crew may still correct it (a new RS-SR restoring the status before it). */
    public static final Duration CORRECTION_WINDOW = Duration.ofSeconds(60);

    public Timeline {
        taps = List.copyOf(taps);
        corrected = Map.copyOf(corrected);
        corrections = List.copyOf(corrections);
        states = Map.copyOf(states);
        resent = Map.copyOf(resent);
    }

    /** A mission just engaged: nothing tapped, DEPART expected. */
    public static Timeline engaged(ModelLine line, String caseId, String lrmId) {
        return new Timeline(line, caseId, lrmId, List.of(), Map.of(), List.of(), Map.of(), false, false, Map.of());
    }

    /**
     * A case a trusted party shared without engaging the crew (RS-EDA, RS-EDA-MAJ, no RS-ER): nothing tapped,
     * DEPART expected; taps are kept locally, none is sent.
     *
     * @param lrmId the party that shared it (where a document link or a bilan goes)
     */
    public static Timeline shared(ModelLine line, String caseId, String lrmId) {
        return new Timeline(line, caseId, lrmId, List.of(), Map.of(), List.of(), Map.of(), false, true, Map.of());
    }

    /**
     * The same mission, now engaged by an accepted request (a case opened as shared, or the case engaged on asked
     * again): every tap kept, the next ones sent; a cancellation by the SAMU is over (it engaged the crew again).
     */
    Timeline engagedBy(String requester) {
        return new Timeline(line, caseId, requester, taps, corrected, corrections, states, false, false, resent);
    }

    /** The taps that stand: those the crew did not correct, in order. */
    public List<Tap> standing() {
        return taps.stream().filter(t -> !corrected.containsKey(t.distributionId())).toList();
    }

    /** The last tap that stands (empty when none does). */
    public Optional<Tap> last() {
        List<Tap> standing = standing();
        return standing.isEmpty() ? Optional.empty() : Optional.of(standing.get(standing.size() - 1));
    }

    /**
     * The status the crew is expected to tap next: the one after the last standing tap in the line's usual
     * order (an optional status, ORIENTAT, leaves it as it was); none once the mission is cancelled or over;
     * ANNULE when the SAMU cancelled and the crew has not confirmed it.
     */
    public ResourceStatus expected() {
        List<ResourceStatus> flow = StatusFlow.sequence(line);
        ResourceStatus expected = ResourceStatus.DEPART;
        for (Tap tap : standing()) {
            int index = flow.indexOf(tap.status());
            if (index >= 0) {
                expected = index + 1 < flow.size() ? flow.get(index + 1) : null;
            } else if (tap.status() == ResourceStatus.ANNULE) {
                expected = null;
            }
        }
        return cancelledBySamu && !tapped(ResourceStatus.ANNULE) ? ResourceStatus.ANNULE : expected;
    }

    private boolean tapped(ResourceStatus status) {
        return standing().stream().anyMatch(t -> t.status() == status);
    }

    /** The time of each status that stands (its last tap). */
    public Map<ResourceStatus, OffsetDateTime> times() {
        Map<ResourceStatus, OffsetDateTime> times = new EnumMap<>(ResourceStatus.class);
        standing().forEach(t -> times.put(t.status(), t.at()));
        return times;
    }

    /** The last tap of {@code status} that stands, if any. */
    public Optional<Tap> lastOf(ResourceStatus status) {
        List<Tap> standing = standing();
        for (int i = standing.size() - 1; i >= 0; i--) {
            if (standing.get(i).status() == status) {
                return Optional.of(standing.get(i));
            }
        }
        return Optional.empty();
    }

    /** Where a tap's message is (null before the ledger said anything): the last one it was sent in. */
    public DeliveryState stateOf(Tap tap) {
        return states.get(messageOf(tap));
    }

    /** The message that carries {@code tap} now: the last one the crew sent it again in, or its own. */
    public String messageOf(Tap tap) {
        return resent.getOrDefault(tap.distributionId(), tap.distributionId());
    }

    /** The tap {@code distributionId} carries (its own message, or one it was sent again in), if any. */
    public Optional<Tap> tapCarriedBy(String distributionId) {
        return taps.stream().filter(t -> t.distributionId().equals(distributionId) || distributionId.equals(resent.get(t.distributionId())))
                .findFirst();
    }

    /**
     * Whether {@code tap} may be corrected at {@code now}: the last standing one, not itself sent by a
     * correction (a correction is not undone by another), and within the correction window.
     */
    public boolean correctable(Tap tap, Instant now) {
        return last().filter(l -> l.distributionId().equals(tap.distributionId())).isPresent()
                && !corrections.contains(tap.distributionId())
                && Duration.between(tap.at().toInstant(), now).compareTo(CORRECTION_WINDOW) <= 0;
    }

    /**
     * What correcting the last tap sends again: the standing tap before it (its status, with its own time:
     * an RS-SR's time is when the change happened), or nothing when there is none.
     */
    public Optional<Tap> correctionOf(Tap tap) {
        List<Tap> standing = standing();
        int index = standing.indexOf(tap);
        return index >= 1 ? Optional.of(standing.get(index - 1)) : Optional.empty();
    }

    /** When the last tap of {@code status} was corrected, if it was and none of it stands since. */
    public Optional<Instant> correctedAt(ResourceStatus status) {
        if (lastOf(status).isPresent()) {
            return Optional.empty();
        }
        for (int i = taps.size() - 1; i >= 0; i--) {
            Tap tap = taps.get(i);
            if (tap.status() == status && corrected.containsKey(tap.distributionId())) {
                return Optional.of(corrected.get(tap.distributionId()));
            }
        }
        return Optional.empty();
    }

    /** Engaged and its last standing status is not one that ends the mission. */
    public boolean active() {
        return last().map(t -> !StatusFlow.endsMission(t.status())).orElse(true);
    }

    Timeline with(Tap tap) {
        List<Tap> more = new ArrayList<>(taps);
        more.add(tap);
        return new Timeline(line, caseId, lrmId, more, corrected, corrections, states, cancelledBySamu, shared, resent);
    }

    /** The same with {@code tap}, the status a correction sent again. */
    Timeline withCorrection(Tap tap) {
        List<String> more = new ArrayList<>(corrections);
        more.add(tap.distributionId());
        return new Timeline(line, caseId, lrmId, taps, corrected, more, states, cancelledBySamu, shared, resent).with(tap);
    }

    Timeline correcting(Tap tap, Instant at) {
        Map<String, Instant> more = new java.util.HashMap<>(corrected);
        more.put(tap.distributionId(), at);
        return new Timeline(line, caseId, lrmId, taps, more, corrections, states, cancelledBySamu, shared, resent);
    }

    Timeline delivered(String distributionId, DeliveryState state) {
        Map<String, DeliveryState> more = new java.util.HashMap<>(states);
        more.put(distributionId, state);
        return new Timeline(line, caseId, lrmId, taps, corrected, corrections, more, cancelledBySamu, shared, resent);
    }

    Timeline cancelled() {
        return new Timeline(line, caseId, lrmId, taps, corrected, corrections, states, true, shared, resent);
    }

    /** The same, {@code tap} now carried by {@code again} (the crew sent it again). */
    Timeline resending(Tap tap, String again) {
        Map<String, String> more = new java.util.HashMap<>(resent);
        more.put(tap.distributionId(), again);
        return new Timeline(line, caseId, lrmId, taps, corrected, corrections, states, cancelledBySamu, shared, more);
    }

    boolean carries(String distributionId) {
        return tapCarriedBy(distributionId).isPresent();
    }
}
