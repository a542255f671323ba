package org.opensmur.tablet.care;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.opensmur.core.tablet.DraftStore;

/**
 * The acts and drugs given to each patient of a mission, kept encrypted with the mission's drafts (one per
 * patient, "care:&lt;case&gt;:&lt;patient&gt;"): not closed by a final bilan, erased by the mission's retention
 * with the rest of it.
 */
public final class CareLog {

    private final DraftStore drafts;

    public CareLog(DraftStore drafts) {
        this.drafts = drafts;
    }

    /** The draft's key of a patient of a case (as the vitals series are kept: "vitals:&lt;case&gt;:&lt;patient&gt;"). */
    public static String key(String caseId, String patientId) {
        return "care:" + caseId + ":" + (patientId == null ? "patient" : patientId);
    }

    /** What was given to the patient, in time order (none when nothing was). */
    public List<CareGiven> load(String caseId, String patientId) {
        Map<String, String> draft = drafts.load(key(caseId, patientId)).orElse(Map.of());
        int count = Integer.parseInt(draft.getOrDefault("count", "0"));
        List<CareGiven> all = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String p = i + ".";
            all.add(new CareGiven(draft.get(p + "id"), CareGiven.Kind.valueOf(draft.get(p + "kind")), draft.get(p + "label"),
                    draft.get(p + "code"), draft.get(p + "dose"), draft.get(p + "unit"), draft.get(p + "route"),
                    OffsetDateTime.parse(draft.get(p + "at"))));
        }
        return ordered(all);
    }

    /** Keeps {@code given} as the patient's whole list (one commit). */
    public void save(String caseId, String patientId, List<CareGiven> given) {
        Map<String, String> draft = new LinkedHashMap<>();
        List<CareGiven> all = ordered(given);
        draft.put("caseId", caseId);
        draft.put("count", String.valueOf(all.size()));
        for (int i = 0; i < all.size(); i++) {
            CareGiven one = all.get(i);
            String p = i + ".";
            draft.put(p + "id", one.id());
            draft.put(p + "kind", one.kind().name());
            draft.put(p + "label", one.label());
            put(draft, p + "code", one.code());
            put(draft, p + "dose", one.dose());
            put(draft, p + "unit", one.unit());
            put(draft, p + "route", one.route());
            draft.put(p + "at", one.at().toString());
        }
        drafts.save(key(caseId, patientId), draft);
    }

    /** In time order (two at the same minute in the order they were given). */
    public static List<CareGiven> ordered(List<CareGiven> given) {
        List<CareGiven> all = new ArrayList<>(given);
        all.sort(Comparator.comparing(CareGiven::at));
        return List.copyOf(all);
    }

    private static void put(Map<String, String> draft, String key, String value) {
        if (value != null) {
            draft.put(key, value);
        }
    }
}
