package org.opensmur.store.drafts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opensmur.store.TestStore;

/** A bilan being written survives a restart, is never in clear on disk, and goes once sent. */
class DraftsTest {

    @TempDir
    Path dir;

    @Test
    void aDraftSurvivesARestartEncrypted() throws Exception {
        Map<String, String> typed = Map.of("bilan.diagnosis", "I21", "bilan.history", "DUPONTEL-antecedents");
        TestStore first = new TestStore(dir);
        first.store.drafts().save("bilan:" + TestStore.CASE_A, typed);
        first.store.close();
        for (Path file : Files.list(dir).toList()) {
            String bytes = new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
            assertFalse(bytes.contains("DUPONTEL"), file + " holds the draft in clear");
        }
        TestStore again = new TestStore(dir);
        try {
            assertEquals(typed, again.store.drafts().load("bilan:" + TestStore.CASE_A).orElseThrow());
            assertTrue(again.store.drafts().load("bilan:" + TestStore.CASE_B).isEmpty());
            again.store.drafts().save("bilan:" + TestStore.CASE_A, Map.of("bilan.diagnosis", "I20"));
            assertEquals("I20", again.store.drafts().load("bilan:" + TestStore.CASE_A).orElseThrow().get("bilan.diagnosis"));
            again.store.drafts().remove("bilan:" + TestStore.CASE_A);
            assertTrue(again.store.drafts().load("bilan:" + TestStore.CASE_A).isEmpty());
        } finally {
            again.store.close();
        }
    }
}
