package org.opensmur.oru.consolidate;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Optional;

/**
 * What makes two RS-RPIS records the same one, from the official schema's definitions: the SMUR unit
 * ({@code context.ressourceFinessGeo}, "FINESS géographique établissement rattachement SMUR ou antenne
 * SMUR", with {@code ressourceStructure}: général, pédiatrique, néonatal or antenne), the mission ({@code
 * context.orgId}, the SAMU regulating it, and {@code context.senderCaseId}, its case) and the patient
 * ({@code patient.patientId}, "{ID du SAMU}.{ID du DRM}.P{n}", given by the SAMU, so the same from the
 * tablet and from the LRM). Who sent it is not part of it.
 */
public record RecordKey(String smurUnit, String orgId, String caseId, String patientId) {

    /** The parts of the key, by JSON pointer in the {@code rpis} payload. */
    public static final List<String> PARTS = List.of("/context/ressourceFinessGeo", "/context/ressourceStructure",
            "/context/orgId", "/context/senderCaseId", "/patient/patientId");

    /** The key of an {@code rpis} payload; empty when a part is missing or blank (see {@link #unusablePart}). */
    public static Optional<RecordKey> of(JsonNode rpis) {
        if (unusablePart(rpis).isPresent()) {
            return Optional.empty();
        }
        return Optional.of(new RecordKey(text(rpis, PARTS.get(0)) + "-" + text(rpis, PARTS.get(1)), text(rpis, PARTS.get(2)),
                text(rpis, PARTS.get(3)), text(rpis, PARTS.get(4))));
    }

    /**
     * The first part of the key that is missing or blank, by JSON pointer. The schema requires each part but
     * accepts an empty string, and an empty part would file records of different units or patients together.
     */
    public static Optional<String> unusablePart(JsonNode rpis) {
        return PARTS.stream().filter(pointer -> text(rpis, pointer) == null).findFirst();
    }

    private static String text(JsonNode node, String pointer) {
        JsonNode value = node.at(pointer);
        return value.isTextual() && !value.asText().isBlank() ? value.asText() : null;
    }
}
