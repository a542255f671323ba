package org.opensmur.core.conformance;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.FileInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.opensmur.core.hub.codec.Decoded;
import org.opensmur.core.hub.codec.HubCodec;
import org.opensmur.core.hub.message.HubMessage;
import org.opensmur.core.hub.message.MessageType;
import org.opensmur.core.hub.model.Payload;
import org.opensmur.core.hub.validation.ModelLine;
import org.opensmur.core.outgoing.OutgoingMessages;

/**
 * The official Hub conformance corpus in {@code ../shared} (never copied into the project), and the
 * official JSON schemas run through networknt, the validator the Hub itself uses: our yardstick.
 */
public final class SharedCorpus {

    private static final ObjectMapper JSON = new ObjectMapper();

    private SharedCorpus() {
    }

    /** The corpus folder; skips the test with the reason when absent, but fails in CI where it must exist. */
    public static Path root() {
        Path dir = Path.of(System.getProperty("hub.shared.dir", "../../shared")).toAbsolutePath().normalize();
        Path corpus = dir.resolve("hub-conformance");
        if (!Files.isDirectory(corpus)) {
            if ("true".equals(System.getenv("CI"))) {
                fail("the Hub conformance corpus is missing at " + corpus + " (CI must have ../shared)");
            }
            assumeTrue(false, "skipped: the Hub conformance corpus is not at " + corpus
                    + " (put the shared/ folder beside the project)");
        }
        return corpus;
    }

    /** The corpus of a model line: {@code hub-conformance} (3.x) or {@code hub-conformance-v2} (2.0). */
    public static Path root(ModelLine line) {
        Path current = root();
        if (line == ModelLine.CURRENT) {
            return current;
        }
        Path v2 = current.resolveSibling("hub-conformance-v2");
        if (!Files.isDirectory(v2)) {
            if ("true".equals(System.getenv("CI"))) {
                fail("the model 2.0 corpus is missing at " + v2 + " (CI must have ../shared)");
            }
            assumeTrue(false, "skipped: the model 2.0 corpus is not at " + v2);
        }
        return v2;
    }

    public static Path examples(MessageType type) {
        return examples(ModelLine.CURRENT, type);
    }

    public static Path examples(ModelLine line, MessageType type) {
        return root(line).resolve("examples").resolve(type.code());
    }

    public static List<Path> exampleFiles(MessageType type) {
        return exampleFiles(ModelLine.CURRENT, type);
    }

    public static List<Path> exampleFiles(ModelLine line, MessageType type) {
        try (Stream<Path> files = Files.list(examples(line, type))) {
            return files.filter(p -> p.toString().endsWith(".json")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The payload of the official example of {@code type} whose file name contains {@code name}. */
    public static Payload examplePayload(MessageType type, String name) {
        return examplePayload(ModelLine.CURRENT, type, name);
    }

    /** The payload of the official example of {@code type} of {@code line} whose file name contains {@code name}. */
    public static Payload examplePayload(ModelLine line, MessageType type, String name) {
        Path file = exampleFiles(line, type).stream().filter(f -> f.getFileName().toString().contains(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no official " + type + " example named like " + name));
        try {
            return HubCodec.of(line).decode(JSON.writeValueAsBytes(read(file))).message().payload();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The official examples of {@code type}, wrapped into whole messages by our builders. */
    public static List<HubMessage> wrappedExamples(MessageType type, OutgoingMessages builder, String recipient) {
        return wrappedExamples(ModelLine.CURRENT, type, builder, recipient);
    }

    /** The official examples of {@code type} of {@code line}, wrapped into whole messages by our builders. */
    public static List<HubMessage> wrappedExamples(ModelLine line, MessageType type, OutgoingMessages builder, String recipient) {
        HubCodec codec = HubCodec.of(line);
        return exampleFiles(line, type).stream().map(file -> {
            try {
                Decoded bare = codec.decode(JSON.writeValueAsBytes(read(file)));
                return builder.build(bare.message().payload(), recipient).orElseThrow();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }).toList();
    }

    /** A message as bytes, read as JSON (e.g. one the test built). */
    public static JsonNode readBytes(byte[] body) {
        try {
            return JSON.readTree(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static JsonNode read(Path file) {
        try {
            return JSON.readTree(file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The official full-message schema, with its {@code classpath:/json-schema/} references mapped to the corpus. */
    public static JsonSchema officialEnvelopeSchema() {
        return officialEnvelopeSchema(ModelLine.CURRENT);
    }

    /**
     * The official full-message schema of {@code line}: compiled once per line and test JVM (dozens of tests ask
     * for it, some once per message), every reference resolved before it is shared. networknt's own guide asks for a
     * schema loaded once and cached; a validation keeps its state in its own context, not in the schema, so a shared
     * one gives a fresh one's verdicts (the surefire JVMs run their test classes one at a time).
     */
    public static JsonSchema officialEnvelopeSchema(ModelLine line) {
        Path schemas = root(line).resolve("schemas"); // skips (or fails in CI) on each call without the corpus
        return OFFICIAL.computeIfAbsent(line, l -> compile(schemas));
    }

    private static final java.util.Map<ModelLine, JsonSchema> OFFICIAL = new java.util.concurrent.ConcurrentHashMap<>();

    private static JsonSchema compile(Path schemas) {
        JsonSchemaFactory factory = JsonSchemaFactory.builder(JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7))
                .uriFetcher(uri -> new FileInputStream(schemas.resolve(fileName(uri)).toFile()), "classpath")
                .build();
        try (var in = Files.newInputStream(schemas.resolve("EDXL-DE-full.schema.json"))) {
            JsonSchema schema = factory.getSchema(in);
            schema.initializeValidators();
            return schema;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String fileName(URI uri) {
        String path = uri.getSchemeSpecificPart();
        return path.substring(path.lastIndexOf('/') + 1);
    }

    public static Set<ValidationMessage> officialErrors(JsonSchema schema, JsonNode message) {
        return schema.validate(message);
    }
}
