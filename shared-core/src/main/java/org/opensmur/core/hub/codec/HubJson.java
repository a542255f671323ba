package org.opensmur.core.hub.codec;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.DeserializationConfig;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleDeserializers;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import org.opensmur.core.hub.message.Header;
import org.opensmur.core.hub.message.Message;
import org.opensmur.core.hub.message.MessageType;
import org.opensmur.core.hub.model.Payload;
import org.opensmur.core.hub.model.Coded;

/**
 * The one Jackson configuration for Hub JSON: hardened parsing limits, Hub date format, code-list enums
 * by code, the flattened {@code message} object, and no nulls written.
 */
public final class HubJson {

    /** Deepest nesting in the Hub's models is about 12 levels inside the envelope; 64 leaves room and stops abuse. */
    public static final int MAX_NESTING = 64;
    public static final int MAX_NUMBER_LENGTH = 100;
    public static final int MAX_STRING_LENGTH = 1 << 20;

    private HubJson() {
    }

    public static ObjectMapper newMapper(long maxDocumentBytes) {
        StreamReadConstraints limits = StreamReadConstraints.builder()
                .maxNestingDepth(MAX_NESTING)
                .maxNumberLength(MAX_NUMBER_LENGTH)
                .maxStringLength(MAX_STRING_LENGTH)
                .maxDocumentLength(maxDocumentBytes)
                .build();
        JsonMapper mapper = JsonMapper.builder()
                .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                .disable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                // Validation reports unknown properties with their path; binding just skips them.
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .defaultPropertyInclusion(JsonInclude.Value.construct(JsonInclude.Include.NON_NULL, JsonInclude.Include.NON_NULL))
                .addModule(module())
                .build();
        mapper.getFactory().setStreamReadConstraints(limits);
        return mapper;
    }

    private static SimpleModule module() {
        SimpleModule module = new SimpleModule("hub-json");
        // First: setDeserializers replaces whatever addDeserializer registered before it.
        module.setDeserializers(new SimpleDeserializers() {
            @Override
            public JsonDeserializer<?> findEnumDeserializer(Class<?> type, DeserializationConfig config, BeanDescription beanDesc) {
                return Coded.class.isAssignableFrom(type) ? new CodedDeserializer(type) : null;
            }
        });
        module.addSerializer(OffsetDateTime.class, new JsonSerializer<>() {
            @Override
            public void serialize(OffsetDateTime value, JsonGenerator gen, SerializerProvider serializers) throws IOException {
                gen.writeString(HubDates.format(value));
            }
        });
        module.addDeserializer(OffsetDateTime.class, new JsonDeserializer<>() {
            @Override
            public OffsetDateTime deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
                return HubDates.parse(p.getValueAsString());
            }
        });
        module.addSerializer(Coded.class, new JsonSerializer<>() {
            @Override
            public void serialize(Coded value, JsonGenerator gen, SerializerProvider serializers) throws IOException {
                gen.writeString(value.code());
            }
        });
        module.addSerializer(Message.class, new MessageSerializer());
        module.addDeserializer(Message.class, new MessageDeserializer());
        return module;
    }

    private static final class CodedDeserializer extends JsonDeserializer<Object> {
        private final Class<?> type;
        private final Map<String, Object> byCode = new HashMap<>();

        CodedDeserializer(Class<?> type) {
            this.type = type;
            for (Object constant : type.getEnumConstants()) {
                byCode.put(((Coded) constant).code(), constant);
            }
        }

        @Override
        public Object deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            String code = p.getValueAsString();
            Object value = byCode.get(code);
            if (value == null) {
                return ctxt.handleWeirdStringValue(type, code, "not a code of %s", type.getSimpleName());
            }
            return value;
        }
    }

    /** Header fields first, then the single use-case key, as in every official example. */
    private static final class MessageSerializer extends JsonSerializer<Message> {
        @Override
        public void serialize(Message value, JsonGenerator gen, SerializerProvider serializers) throws IOException {
            gen.writeStartObject();
            Header header = value.header();
            if (header != null) {
                gen.writeStringField("messageId", header.messageId());
                serializers.defaultSerializeField("sender", header.sender(), gen);
                gen.writeStringField("sentAt", HubDates.format(header.sentAt()));
                gen.writeStringField("kind", header.kind().code());
                gen.writeStringField("status", header.status().code());
                serializers.defaultSerializeField("recipient", header.recipient(), gen);
            }
            serializers.defaultSerializeField(MessageType.of(value.payload()).key(), value.payload(), gen);
            gen.writeEndObject();
        }
    }

    private static final class MessageDeserializer extends JsonDeserializer<Message> {
        @Override
        public Message deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            ObjectNode node = (ObjectNode) ctxt.readTree(p);
            for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
                String name = names.next();
                MessageType type = MessageType.ofKey(name).orElse(null);
                if (type != null) {
                    Payload payload = ctxt.readTreeAsValue(node.get(name), type.payloadClass());
                    Header header = type.hasHeader() && node.has("messageId")
                            ? ctxt.readTreeAsValue(node, Header.class) : null;
                    return new Message(header, payload);
                }
            }
            return (Message) ctxt.handleUnexpectedToken(Message.class, p);
        }
    }
}
