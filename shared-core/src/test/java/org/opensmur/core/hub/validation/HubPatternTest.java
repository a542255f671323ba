package org.opensmur.core.hub.validation;

import org.opensmur.core.hub.model.HubPattern;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Random;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class HubPatternTest {

    /** The linear-time matcher accepts exactly what the official regex accepts (short strings, where it is cheap). */
    @Test
    void groupCountingMatchesTheOfficialRegexExactly() {
        char[] alphabet = {'a', 'Z', '0', '_', '-', '.', '.', '!', ' '};
        Random random = new Random(42);
        int accepted = 0;
        for (HubPattern pattern : new HubPattern[] {HubPattern.CASE_ID, HubPattern.OWNER_ID}) {
            Pattern official = Pattern.compile(pattern.regex());
            for (int i = 0; i < 200_000; i++) {
                StringBuilder s = new StringBuilder();
                int length = random.nextInt(16);
                for (int j = 0; j < length; j++) {
                    s.append(alphabet[random.nextInt(alphabet.length)]);
                }
                boolean expected = official.matcher(s).find();
                accepted += expected ? 1 : 0;
                assertEquals(expected, pattern.matches(s.toString()), () -> pattern + " on '" + s + "'");
            }
        }
        assertTrue(accepted > 10_000, "the sample must hold many matching strings too: " + accepted);
    }

    @Test
    void aLongNearMissIsDecidedAtOnce() {
        String hostile = "fr.health.samu440." + "a".repeat(100_000) + "!";
        assertTimeoutPreemptively(Duration.ofSeconds(10), () -> assertFalse(HubPattern.CASE_ID.matches(hostile)));
        assertTrue(HubPattern.CASE_ID.matches("fr.health.samu440.DRFR154402414300123"));
        assertTrue(HubPattern.CASE_ID.matches("fr.fire.sis044.cga-044.SC-20240526-044-cga-AL8"));
        assertFalse(HubPattern.CASE_ID.matches("fr.health.samu440..DRFR15"));
    }
}
