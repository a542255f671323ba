package org.opensmur.core.mission;

import org.opensmur.core.hub.model.Required;

/** An identifier of the patient in another system. */
public record PatientExternalId(
        @Required PatientIdSource source,
        @Required String value) {
}
