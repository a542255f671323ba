package org.opensmur.core.tablet;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.time.Instant;
import java.util.List;
import org.opensmur.core.hub.codec.HubCodec;
import org.opensmur.core.hub.codec.HubJson;
import org.opensmur.core.mission.CreateCaseHealth;
import org.opensmur.core.mission.MergedCase;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A case as it stands (read from the offline store's cases). {@code shared}: the RS-EDA itself has arrived
 * (not only updates). {@code current} is the merged JSON (what the changes' paths point into, for
 * highlighting); {@code merged} is the same case read through the model records, bound once where the
 * view is read (off the UI thread): where the screens and the RPIS prefill read its facts.
 */
public record CaseView(String caseId, ObjectNode current, List<Change> changes, boolean shared, MergedCase merged) {

    /** One change brought by an update: the JSON path inside the case, which message, when it was sent. */
    public record Change(String path, String distributionId, Instant sentAt) {
    }

    private static final Logger LOG = LoggerFactory.getLogger(CaseView.class);
    /** The merged case may carry an update's own fields (its free text): the case record ignores them. */
    private static final ObjectReader CASE_READER = HubJson.newMapper(HubCodec.DEFAULT_MAX_BYTES)
            .readerFor(CreateCaseHealth.class).without(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    public CaseView(String caseId, ObjectNode current, List<Change> changes, boolean shared) {
        this(caseId, current, changes, shared, bind(caseId, current));
    }

    private static MergedCase bind(String caseId, ObjectNode current) {
        CreateCaseHealth bound = null;
        try {
            bound = CASE_READER.readValue(current);
        } catch (IOException | IllegalArgumentException e) {
            // Stored only after it was validated: not expected. The path, never the value (patient data).
            LOG.error("case {} cannot be read through the model at {}: shown without its facts", caseId,
                    e instanceof JsonMappingException m ? m.getPathReference() : "?");
        }
        JsonNode freetext = current.get("freetext");
        return new MergedCase(caseId, bound, freetext != null && freetext.isTextual() ? freetext.asText() : null);
    }
}
