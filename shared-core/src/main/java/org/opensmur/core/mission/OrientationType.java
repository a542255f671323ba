package org.opensmur.core.mission;

import org.opensmur.core.hub.model.Coded;
import org.opensmur.core.hub.model.OnlyIn;

/** Kind of destination chosen for the patient. */
public enum OrientationType implements Coded {
    URGENCES("URGENCES", "Service d'urgences"),
    @OnlyIn("3")
    REA_USI("REA-USI", "Réanimation / soins intensifs"),
    SANTE("SANTE", "Autre service de santé"),
    CABINET("CABINET", "Cabinet médical"),
    DOMICILE("DOMICILE", "Domicile"),
    EPHAD("EPHAD", "EHPAD"),
    AUTRE("AUTRE", "Autre");

    private final String code;
    private final String label;

    OrientationType(String code, String label) {
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
