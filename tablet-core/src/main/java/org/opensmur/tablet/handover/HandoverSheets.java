package org.opensmur.tablet.handover;

import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import org.opensmur.core.tablet.DraftStore;

/**
 * The handover sheets printed, kept encrypted with the mission (one per patient, the latest: its draft
 * "handover:&lt;case&gt;:&lt;patient&gt;"), erased by the mission's retention with the rest of it.
 */
public final class HandoverSheets {

    private final DraftStore drafts;

    public HandoverSheets(DraftStore drafts) {
        this.drafts = drafts;
    }

    public static String key(String caseId, String patientId) {
        return "handover:" + caseId + ":" + (patientId == null ? "patient" : patientId);
    }

    /** Keeps {@code pdf} as the patient's sheet (the one printed before it is replaced). */
    public void keep(String caseId, String patientId, byte[] pdf, java.time.OffsetDateTime printedAt) {
        drafts.save(key(caseId, patientId), Map.of("caseId", caseId, "printedAt", printedAt.toString(),
                "pdf", Base64.getEncoder().encodeToString(pdf)));
    }

    /** The patient's last sheet, if one was printed. */
    public Optional<byte[]> last(String caseId, String patientId) {
        return drafts.load(key(caseId, patientId)).map(d -> d.get("pdf")).filter(p -> p != null && !p.isEmpty())
                .map(p -> Base64.getDecoder().decode(p));
    }
}
