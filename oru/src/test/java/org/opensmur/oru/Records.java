package org.opensmur.oru;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.function.Consumer;
import org.opensmur.core.conformance.SharedCorpus;
import org.opensmur.core.hub.codec.HubCodec;
import org.opensmur.core.hub.message.HubMessage;
import org.opensmur.core.hub.message.MessageType;
import org.opensmur.core.hub.validation.ModelLine;
import org.opensmur.core.outgoing.OutgoingMessages;
import org.opensmur.core.rpis.Rpis;

/** RS-RPIS messages for the tests: an official example, changed as a test says, sent by a party. */
public final class Records {

    public static final String ORU = "fr.health.test.oru";
    public static final String TABLET = "fr.health.test.smurtab";
    public static final String LRM = "fr.health.test.lrm";

    private final ModelLine line;
    private final HubCodec codec;
    private Instant clock = Instant.parse("2026-11-02T08:00:00Z");

    public Records(ModelLine line) {
        this.line = line;
        this.codec = HubCodec.of(line);
    }

    /** The official example whose file name contains {@code name}, as a tree of the model's shape. */
    public ObjectNode example(String name) {
        Rpis rpis = (Rpis) SharedCorpus.examplePayload(line, MessageType.RS_RPIS, name);
        return (ObjectNode) codec.toTree(rpis).get("rpis").deepCopy();
    }

    /** The example changed by {@code change}. */
    public ObjectNode example(String name, Consumer<ObjectNode> change) {
        ObjectNode tree = example(name);
        change.accept(tree);
        return tree;
    }

    /** An EDXL message from {@code sender} to the ORU carrying {@code rpis}, sent a minute after the previous one. */
    public HubMessage message(String sender, JsonNode rpis) {
        clock = clock.plus(Duration.ofMinutes(1));
        try {
            Rpis payload = codec.mapper().treeToValue(rpis, Rpis.class);
            return OutgoingMessages.of(sender, Clock.fixed(clock, ZoneOffset.UTC), line).rpis(payload, ORU).orElseThrow();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public byte[] bytes(String sender, JsonNode rpis) {
        return codec.encode(message(sender, rpis));
    }

    public byte[] encode(HubMessage message) {
        return codec.encode(message);
    }

    /** A time of the record moved by {@code minutes}, keeping its offset. */
    public static void shift(ObjectNode rpis, String pointer, long minutes) {
        String field = pointer.substring(pointer.lastIndexOf('/') + 1);
        ObjectNode parent = (ObjectNode) rpis.at(pointer.substring(0, pointer.lastIndexOf('/')));
        parent.put(field, OffsetDateTime.parse(parent.get(field).asText()).plusMinutes(minutes)
                .format(java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssXXX")));
    }
}
