package org.opensmur.app.bilan;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One series of vitals taken together at a known time: each field's value as typed (the vitals, their
 * precisions, Glasgow's E, V and M), keyed as the bilan's fields are.
 */
public record VitalSeries(LocalDateTime taken, Map<String, String> values) {

    private static final String COUNT = "series.count";

    public VitalSeries {
        values = Map.copyOf(values);
    }

    /** The value of {@code key} in this series ("" when not taken). */
    public String value(String key) {
        String v = values.get(key);
        return v == null ? "" : v.strip();
    }

    /** Whether nothing of this series was written. */
    public boolean isEmpty() {
        return values.values().stream().allMatch(v -> v == null || v.isBlank());
    }

    /** The series in the draft's flat form ("series.0.taken", "series.0.bilan.heartRate", ...). */
    static Map<String, String> toDraft(List<VitalSeries> all) {
        Map<String, String> draft = new LinkedHashMap<>();
        draft.put(COUNT, String.valueOf(all.size()));
        for (int i = 0; i < all.size(); i++) {
            VitalSeries one = all.get(i);
            draft.put("series." + i + ".taken", one.taken().toString());
            for (var e : one.values().entrySet()) {
                draft.put("series." + i + "." + e.getKey(), e.getValue());
            }
        }
        return draft;
    }

    /** The series of a draft, oldest first (none when it holds none). */
    static List<VitalSeries> fromDraft(Map<String, String> draft) {
        List<VitalSeries> all = new ArrayList<>();
        int count = Integer.parseInt(draft.getOrDefault(COUNT, "0"));
        for (int i = 0; i < count; i++) {
            String prefix = "series." + i + ".";
            Map<String, String> values = new LinkedHashMap<>();
            draft.forEach((k, v) -> {
                if (k.startsWith(prefix) && !k.equals(prefix + "taken")) {
                    values.put(k.substring(prefix.length()), v);
                }
            });
            all.add(new VitalSeries(LocalDateTime.parse(draft.get(prefix + "taken")), values));
        }
        return all;
    }
}
