package org.opensmur.oru.store;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.opensmur.oru.consolidate.RecordKey;

/** What the dashboard and the exports read. */
public final class Views {

    private Views() {
    }

    /** One SMUR unit in one month: its interventions, completeness and median delays (seconds). */
    public record SmurMonth(String smurUnit, int records, double completeness, Double medianDeparture,
                            Double medianOnScene, Double medianAvailable, int withProblems) {
    }

    /** A month and how many records it holds. */
    public record Month(String month, int records) {
    }

    /**
     * A consolidated record's summary. {@code otherUnits}: the other SMUR units holding a record of the same patient
     * of the same mission (the same orgId, senderCaseId and patientId), in order; usually none. Such records are
     * kept apart and flagged for review, never merged: a correction of the unit or two units caring for one patient.
     */
    public record RecordSummary(long id, RecordKey key, String month, String decisionAt, int versions, double completeness,
                                List<String> missing, List<String> doubtful, int conflicts, String updatedAt,
                                List<String> otherUnits) {
    }

    /** Another SMUR unit's record of the same patient of the same mission. */
    public record SamePatient(long id, String smurUnit, String month) {
    }

    /** A field of a record with its provenance, and the other sender's value when they disagree. */
    public record Field(String path, JsonNode value, String source, String distributionId, String sentAt, JsonNode conflictValue, String conflictSource) {
    }

    /** One received version and what it did. */
    public record Received(long deliveryId, String distributionId, String senderId, String sentAt, String receivedAt,
                           String outcome, List<FieldChange> changes) {
    }

    public record FieldChange(String path, String kind, String oldValue, String newValue) {
    }

    public record RecordDetail(RecordSummary summary, JsonNode consolidated, List<Field> fields, List<Received> history,
                               List<SamePatient> samePatient) {
    }

    public record Refused(String distributionId, String senderId, String receivedAt, String path, String rule) {
    }
}
