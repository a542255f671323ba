package org.opensmur.core.mission;



/** Identity of a patient. */
public record Identity(
        StrictFeatures strictFeatures,
        PersonName nonStrictFeatures) {
}
