package org.opensmur.core.mission;

import org.opensmur.core.hub.validation.Required;

/** A contact address of a person. */
public record PersonalContact(
        @Required ContactType type,
        @Required String detail) {
}
