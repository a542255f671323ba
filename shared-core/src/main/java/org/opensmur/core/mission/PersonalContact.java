package org.opensmur.core.mission;

import org.opensmur.core.hub.model.Required;

/** A contact address of a person. */
public record PersonalContact(
        @Required ContactType type,
        @Required String detail) {
}
