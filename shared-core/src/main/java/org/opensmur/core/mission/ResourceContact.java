package org.opensmur.core.mission;



/** How to reach an engaged resource. */
public record ResourceContact(
        ContactType type,
        String details) {
}
