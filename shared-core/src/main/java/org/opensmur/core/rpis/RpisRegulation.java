package org.opensmur.core.rpis;

import org.opensmur.core.hub.model.Required;
import org.opensmur.core.mission.HealthMotive;
import org.opensmur.core.mission.MedicalLevel;
import org.opensmur.core.mission.WhatsHappen;

/** Regulation data of the case. */
public record RpisRegulation(
        @Required WhatsHappen whatsHappen,
        @Required HealthMotive healthMotive,
        @Required MedicalLevel medicalLevel) {
}
