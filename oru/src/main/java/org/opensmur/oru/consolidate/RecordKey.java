package org.opensmur.oru.consolidate;

import com.fasterxml.jackson.databind.JsonNode;
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

    /** The key of an {@code rpis} payload; empty when a part is missing (the schema requires them all). */
    public static Optional<RecordKey> of(JsonNode rpis) {
        String finess = text(rpis, "/context/ressourceFinessGeo");
        String structure = text(rpis, "/context/ressourceStructure");
        String org = text(rpis, "/context/orgId");
        String caseId = text(rpis, "/context/senderCaseId");
        String patient = text(rpis, "/patient/patientId");
        if (finess == null || structure == null || org == null || caseId == null || patient == null) {
            return Optional.empty();
        }
        return Optional.of(new RecordKey(finess + "-" + structure, org, caseId, patient));
    }

    private static String text(JsonNode node, String pointer) {
        JsonNode value = node.at(pointer);
        return value.isTextual() && !value.asText().isBlank() ? value.asText() : null;
    }
}
