package org.opensmur.store.cases;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * How an update's list items merge into the case: into the first item equal to them or sharing one of their
 * identifiers, else added; and at a cost that grows with the lists, not with their square (a sender's update of
 * tens of thousands of notes is merged on the store's thread, where the crew's taps wait).
 */
class CaseMergeTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static ObjectNode json(String text) throws Exception {
        return (ObjectNode) JSON.readTree(text.replace('\'', '"'));
    }

    @Test
    void anItemMergesIntoTheFirstItemItEqualsOrSharesAnIdentifierWithElseItIsAdded() throws Exception {
        ObjectNode target = json("{'notes': [{'medicalNoteId': 'a', 'freetext': 'x'}, {'medicalNoteId': 'b'}, 'texte'],"
                + " 'patient': [{'patientId': 'p1', 'age': 1}, {'medicalNoteId': 'n1', 'patientId': 'p2'}]}");
        ObjectNode update = json("{'notes': [{'medicalNoteId': 'b', 'freetext': 'y'}, {'medicalNoteId': 'c'}, 'texte',"
                + " {'medicalNoteId': 'a', 'freetext': 'x'}], 'patient': [{'medicalNoteId': 'n1', 'patientId': 'p1', 'age': 2}]}");
        List<String> changed = new ArrayList<>();
        CaseStore.merge(target, update, "", changed);
        assertEquals(List.of("notes[1].freetext", "notes[3]", "patient[0].medicalNoteId", "patient[0].age"), changed);
        assertEquals(json("{'notes': [{'medicalNoteId': 'a', 'freetext': 'x'}, {'medicalNoteId': 'b', 'freetext': 'y'}, 'texte',"
                + " {'medicalNoteId': 'c'}], 'patient': [{'patientId': 'p1', 'age': 2, 'medicalNoteId': 'n1'},"
                + " {'medicalNoteId': 'n1', 'patientId': 'p2'}]}"), target, "the first item sharing an identifier: p1's, before n1's");

        // within one update: an item added is found by the next, and one merged in place by what it became
        List<String> again = new ArrayList<>();
        CaseStore.merge(target, json("{'notes': [{'medicalNoteId': 'd'}, {'medicalNoteId': 'd', 'freetext': 'z'},"
                + " {'freetext': 'z', 'medicalNoteId': 'd'}, {'medicalNoteId': 'b', 'freetext': 'y'}]}"), "", again);
        assertEquals(List.of("notes[4]", "notes[4].freetext"), again);
        assertEquals(5, target.get("notes").size());
    }

    @Test
    void aHugeListMergesInLinearTime() throws Exception {
        ObjectNode target = JSON.createObjectNode();
        ArrayNode notes = target.putArray("notes");
        for (int i = 0; i < 40_000; i++) {
            notes.addObject().put("medicalNoteId", "n" + i).put("freetext", "note " + i);
        }
        ObjectNode update = JSON.createObjectNode();
        ArrayNode more = update.putArray("notes");
        for (int i = 20_000; i < 60_000; i++) { // half known (merged in place), half new (added)
            more.addObject().put("medicalNoteId", "n" + i).put("freetext", "note " + i + " bis");
        }
        List<String> changed = new ArrayList<>();
        // A scan of every item for each would compare 40 000 × 40 000 items: minutes on a tablet.
        assertTimeoutPreemptively(Duration.ofSeconds(20), () -> CaseStore.merge(target, update, "", changed));
        assertEquals(60_000, target.get("notes").size());
        assertEquals(40_000, changed.size());
        assertEquals("note 59999 bis", target.get("notes").get(59_999).get("freetext").asText());
    }
}
