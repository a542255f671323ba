package org.opensmur.core.nomenclature;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Finding a code as a crew asks for it: by its code ("C11", "i21") or by words of its labels and description
 * ("infarctus", "arret cardiaque"), accents and case ignored, each word the start of a word of the entry; the
 * codes most picked on this tablet first, then those whose code starts with what was typed, then the list's
 * own order.
 */
public final class NomenclatureSearch {

    private NomenclatureSearch() {
    }

    /** Lower case, accents and punctuation gone: "Arrêt cardio-respiratoire" is "arret cardio respiratoire". */
    public static String fold(String text) {
        String bare = Normalizer.normalize(text == null ? "" : text, Normalizer.Form.NFD).replaceAll("\\p{M}+", "");
        return bare.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", " ").strip();
    }

    /** The entries {@code query} finds, best first, at most {@code limit}; an empty query gives the most used first. */
    public static List<Nomenclature.Entry> search(Nomenclature list, String query, Map<String, Integer> usage, int limit) {
        String q = query == null ? "" : query.strip();
        String codeQuery = q.toUpperCase(Locale.ROOT);
        String[] words = fold(q).isEmpty() ? new String[0] : fold(q).split(" ");
        record Hit(Nomenclature.Entry entry, int index, boolean byCode, int used) {
        }
        List<Hit> hits = new ArrayList<>();
        List<Nomenclature.Entry> entries = list.entries();
        for (int i = 0; i < entries.size(); i++) {
            Nomenclature.Entry e = entries.get(i);
            boolean byCode = !q.isEmpty() && e.code().toUpperCase(Locale.ROOT).startsWith(codeQuery);
            if (q.isEmpty() || byCode || allWords(e, words)) {
                hits.add(new Hit(e, i, byCode, usage.getOrDefault(e.code(), 0)));
            }
        }
        hits.sort(Comparator.comparingInt((Hit h) -> -h.used()).thenComparing(h -> !h.byCode()).thenComparingInt(Hit::index));
        return hits.stream().limit(limit).map(Hit::entry).toList();
    }

    private static boolean allWords(Nomenclature.Entry e, String[] words) {
        if (words.length == 0) {
            return false;
        }
        String haystack = " " + fold(String.join(" ", e.labels()) + " " + e.description() + " " + e.code()) + " ";
        for (String w : words) {
            if (!haystack.contains(" " + w)) {
                return false;
            }
        }
        return true;
    }
}
