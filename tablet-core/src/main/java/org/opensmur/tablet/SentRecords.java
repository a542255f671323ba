package org.opensmur.tablet;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.opensmur.core.bilan.InterventionReport;
import org.opensmur.core.hub.codec.HubCodec;
import org.opensmur.core.hub.message.MessageType;
import org.opensmur.core.hub.model.Payload;
import org.opensmur.core.rpis.Rpis;
import org.opensmur.core.tablet.OutboxEntry;
import org.opensmur.store.outbox.Outbox;

/**
 * What was sent about a patient, read back from the ledger (which keeps each message's body, encrypted, with its
 * delivery state): the bilans (RS-BPV) and the RPIS records, so that the screens show them after a restart, and
 * the RPIS starts from the last bilan sent. I/O: off the UI thread. The core's (asked by {@link TabletCore#sent()}):
 * the store keeps the bodies, the core knows what a payload says about a patient.
 */
public final class SentRecords {

    /** One record sent: its ledger row (time, delivery state) and what it said. */
    public record Sent(OutboxEntry entry, Payload payload) {
    }

    /** How far back the ledger is read for records that have no case key (the RPIS's key is the ORU's). */
    private static final int RECENT = 2_000;

    private final Outbox outbox;
    private final HubCodec codec;

    SentRecords(Outbox outbox, HubCodec codec) {
        this.outbox = outbox;
        this.codec = codec;
    }

    /** The bilans sent about {@code patientId} in {@code caseId}, oldest first. */
    public List<Sent> bilans(String caseId, String patientId) {
        return read(outbox.list(caseId, RECENT), MessageType.RS_BPV, p -> ((InterventionReport) p).patient().patientId(), patientId);
    }

    /** The RPIS records sent about {@code patientId}, oldest first. */
    public List<Sent> rpis(String patientId) {
        return read(outbox.list(null, RECENT), MessageType.RS_RPIS, p -> ((Rpis) p).patient().patientId(), patientId);
    }

    /** The main diagnosis of the last bilan sent about {@code patientId} that gave one. */
    public Optional<String> lastDiagnosis(String caseId, String patientId) {
        List<Sent> sent = bilans(caseId, patientId);
        for (int i = sent.size() - 1; i >= 0; i--) {
            var evaluation = ((InterventionReport) sent.get(i).payload()).evaluation();
            if (evaluation != null && evaluation.mainDiagnosis() != null && !evaluation.mainDiagnosis().isBlank()) {
                return Optional.of(evaluation.mainDiagnosis());
            }
        }
        return Optional.empty();
    }

    private List<Sent> read(List<OutboxEntry> entries, MessageType type, java.util.function.Function<Payload, String> patientOf,
                            String patientId) {
        List<Sent> found = new ArrayList<>();
        if (patientId == null) {
            return found;
        }
        for (OutboxEntry e : entries) {
            if (e.type() != type) {
                continue;
            }
            var decoded = codec.decode(outbox.body(e.distributionId()));
            if (decoded.envelope() != null && patientId.equals(patientOf.apply(decoded.envelope().payload()))) {
                found.add(new Sent(e, decoded.envelope().payload()));
            }
        }
        found.sort(Comparator.comparingLong(s -> s.entry().id()));
        return found;
    }
}
