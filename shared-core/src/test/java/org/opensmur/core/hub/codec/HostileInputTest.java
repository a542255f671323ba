package org.opensmur.core.hub.codec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.opensmur.core.hub.validation.ValidationIssue;
import org.opensmur.core.hub.validation.ValidationIssue.Kind;

/**
 * Hostile or broken bodies are refused with a clear error naming where, never an exception, and the
 * codec goes on decoding the next message. The time limits only guard against a hang.
 */
class HostileInputTest {

    private static final Duration HANG = Duration.ofSeconds(20);
    private static final String STATUS = """
            {"resourcesStatus":{"caseId":"fr.health.samu440.DRFR154402414300123",
             "resourceId":"fr.health.samu440.resource.VLM4",
             "state":{"datetime":"2024-05-26T13:21:00+02:00","status":"DEPART"}}}""";

    private final HubCodec codec = new HubCodec();

    private ValidationIssue refused(byte[] body, Kind kind) {
        Decoded decoded = assertTimeoutPreemptively(HANG, () -> codec.decode(body));
        assertFalse(decoded.isValid());
        assertEquals(1, decoded.issues().size(), decoded.issues().toString());
        ValidationIssue issue = decoded.issues().get(0);
        assertEquals(kind, issue.kind(), issue.toString());
        // ... and the next message still goes through.
        assertTrue(codec.decode(STATUS.getBytes(StandardCharsets.UTF_8)).isValid());
        return issue;
    }

    @Test
    void tenMegabyteBodyIsRefusedBeforeParsing() {
        byte[] body = new byte[10 * 1024 * 1024];
        Arrays.fill(body, (byte) ' ');
        body[0] = '{';
        ValidationIssue issue = refused(body, Kind.LIMIT);
        assertTrue(issue.reason().contains("10485760 bytes"), issue.reason());
    }

    @Test
    void tenThousandDeepNestingIsRefused() {
        String body = "{\"resourcesStatus\":" + "[".repeat(10_000) + "]".repeat(10_000) + "}";
        ValidationIssue issue = refused(body.getBytes(StandardCharsets.UTF_8), Kind.LIMIT);
        assertTrue(issue.reason().contains("depth"), issue.reason());
        assertTrue(issue.path().startsWith("$.resourcesStatus"), issue.path());
    }

    @Test
    void numberWithTenThousandDigitsIsRefused() {
        String body = "{\"geoPositionsUpdate\":{\"position\":[{\"speed\":" + "9".repeat(10_000) + "}]}}";
        ValidationIssue issue = refused(body.getBytes(StandardCharsets.UTF_8), Kind.LIMIT);
        assertTrue(issue.reason().contains("Number value length"), issue.reason());
        assertEquals("$.geoPositionsUpdate.position[0].speed", issue.path());
    }

    @Test
    void invalidUtf8IsRefused() {
        byte[] body = STATUS.replace("DEPART", "DEP@RT").getBytes(StandardCharsets.UTF_8);
        int at = new String(body, StandardCharsets.UTF_8).indexOf('@');
        body[at] = (byte) 0xC3;
        body[at + 1] = (byte) 0x28; // 0xC3 0x28: a broken two-byte sequence
        ValidationIssue issue = refused(body, Kind.SYNTAX);
        assertTrue(issue.reason().contains("UTF-8"), issue.reason());
        assertEquals("$.resourcesStatus.state.status", issue.path());
    }

    @Test
    void duplicateKeysAreRefused() {
        String body = STATUS.replace("\"status\":\"DEPART\"", "\"status\":\"DEPART\",\"status\":\"ANNULE\"");
        ValidationIssue issue = refused(body.getBytes(StandardCharsets.UTF_8), Kind.SYNTAX);
        assertTrue(issue.reason().contains("Duplicate field 'status'"), issue.reason());
        assertEquals("$.resourcesStatus.state.status", issue.path());
    }

    @Test
    void xmlIsRefusedWithoutBeingParsed() {
        String xxe = """
                <?xml version="1.0"?>
                <!DOCTYPE foo [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>
                <edxlDistribution><distributionID>&xxe;</distributionID></edxlDistribution>""";
        ValidationIssue issue = refused(xxe.getBytes(StandardCharsets.UTF_8), Kind.FORMAT);
        assertTrue(issue.reason().contains("XML"), issue.reason());
    }

    @Test
    void truncatedJsonSaysWhere() {
        String body = STATUS.substring(0, STATUS.indexOf("DEPART"));
        ValidationIssue issue = refused(body.getBytes(StandardCharsets.UTF_8), Kind.SYNTAX);
        assertTrue(issue.reason().contains("line 3"), issue.reason());
    }

    @Test
    void emptyAndNonObjectBodiesAreRefused() {
        refused(new byte[0], Kind.SYNTAX);
        refused("  \n".getBytes(StandardCharsets.UTF_8), Kind.SYNTAX);
        refused("[]".getBytes(StandardCharsets.UTF_8), Kind.TYPE);
        refused("42".getBytes(StandardCharsets.UTF_8), Kind.TYPE);
        refused("{} {}".getBytes(StandardCharsets.UTF_8), Kind.SYNTAX);
    }

    @Test
    void patternBacktrackingBombIsDecidedAtOnce() {
        String body = STATUS.replace("fr.health.samu440.DRFR154402414300123", "a".repeat(5000) + "!");
        ValidationIssue issue = refused(body.getBytes(StandardCharsets.UTF_8), Kind.PATTERN);
        assertEquals("$.resourcesStatus.caseId", issue.path());
    }
}
