package org.opensmur.core.mission;

import org.opensmur.core.hub.model.Coded;
import org.opensmur.core.hub.model.OnlyIn;

/** Issuer of a patient identifier. */
public enum PatientIdSource implements Coded {
    NIR("NIR", "Numéro de sécurité sociale"),
    SINUS("SINUS", "Numéro SINUS (SI-VIC)"),
    @OnlyIn("2.0")
    SI_VIC("SI-VIC", "Numéro SI-VIC"),
    DOSSARD("DOSSARD", "Numéro de dossard"),
    PLACE("PLACE", "Numéro de place"),
    @OnlyIn("3")
    AUTRE("AUTRE", "Autre");

    private final String code;
    private final String label;

    PatientIdSource(String code, String label) {
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
