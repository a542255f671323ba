package org.opensmur.core.mission;

import org.opensmur.core.hub.validation.Coded;

/** Status of the case at the SAMU. */
public enum CaseStatus implements Coded {
    PROGRAM("PROGRAM", "Programmé"),
    ACTIF("ACTIF", "Actif"),
    ACHEVE("ACHEVE", "Achevé"),
    VALIDE("VALIDE", "Validé"),
    CLOTURE("CLOTURE", "Clôturé"),
    CLASSE("CLASSE", "Classé"),
    ARCHIVE("ARCHIVE", "Archivé");

    private final String code;
    private final String label;

    CaseStatus(String code, String label) {
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
