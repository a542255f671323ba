package org.opensmur.core.bilan;

import org.opensmur.core.hub.model.Coded;

/** Vital sign measured by the SMUR team. */
public enum VitalSign implements Coded {
    HEART_RATE("FREQUENCE_CARDIAQUE", "Fréquence cardiaque"),
    BLOOD_PRESSURE("PRESSION_ARTERIELLE", "Pression artérielle"),
    OXYGEN_SATURATION("SATURATION_OXYGENE", "Saturation en oxygène"),
    RESPIRATORY_RATE("FREQUENCE_RESPIRATOIRE", "Fréquence respiratoire"),
    TEMPERATURE("TEMPERATURE", "Température"),
    BLOOD_GLUCOSE("HEMOGLOCOTEST", "Glycémie capillaire"),
    GLASGOW("GLASGOW", "Score de Glasgow");

    private final String code;
    private final String label;

    VitalSign(String code, String label) {
        this.code = code;
        this.label = label;
    }

    @Override
    public String code() {
        return code;
    }

    @Override
    public String label() {
        return label;
    }
}
