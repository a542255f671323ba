package org.opensmur.core.mission;



/** Crew of a vehicle. */
public record Team(
        MedicalLevel medicalLevel,
        String name) {
}
