package org.opensmur.hubsim.dispatch;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The official JSON schemas of one model line (a folder as the Hub's models repository publishes them),
 * run through networknt as the Hub's dispatcher runs them: with it, the local Hub judges the tablet by the
 * Hub's yardstick, not by the tablet's own validator.
 */
public final class OfficialSchemas {

    private final Path folder;
    private final JsonSchema envelope;

    private OfficialSchemas(Path folder, JsonSchema envelope) {
        this.folder = folder;
        this.envelope = envelope;
    }

    /** Loads {@code EDXL-DE-full.schema.json} from {@code folder}, its {@code classpath:} references mapped there. */
    public static OfficialSchemas load(Path folder) {
        Path full = folder.resolve("EDXL-DE-full.schema.json");
        if (!Files.isReadable(full)) {
            throw new IllegalArgumentException("--schemas: " + folder + " holds no EDXL-DE-full.schema.json (give the schemas"
                    + " folder of the vhost's model line, e.g. ../shared/hub-conformance-v2/schemas)");
        }
        JsonSchemaFactory factory = JsonSchemaFactory.builder(JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7))
                .uriFetcher(uri -> new FileInputStream(folder.resolve(fileName(uri)).toFile()), "classpath")
                .build();
        try (InputStream in = Files.newInputStream(full)) {
            JsonSchema envelope = factory.getSchema(in);
            // Every reference resolved now rather than lazily by the first messages judged: the compiled schema is
            // then only read, which the tests rely on to share one between scenarios.
            envelope.initializeValidators();
            return new OfficialSchemas(folder, envelope);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String fileName(URI uri) {
        String path = uri.getSchemeSpecificPart();
        return path.substring(path.lastIndexOf('/') + 1);
    }

    public Path folder() {
        return folder;
    }

    /**
     * What the official schema says of a whole message, empty when valid. The {@code oneOf} over use cases
     * makes networknt list every other use case as "missing": only the lines about this message are kept.
     */
    public List<String> errors(JsonNode message) {
        List<String> all = envelope.validate(message).stream().map(ValidationMessage::getMessage).sorted().toList();
        List<String> relevant = all.stream().filter(m -> !m.endsWith(": is missing but it is required") || !m.contains(".message."))
                .filter(m -> !m.contains("should be valid to one and only one schema")).toList();
        return relevant.isEmpty() ? all : relevant;
    }
}
