package org.opensmur.core.mission;



/** A place on a motorway. */
public record Highway(
        String name,
        String pk,
        String direction) {
}
