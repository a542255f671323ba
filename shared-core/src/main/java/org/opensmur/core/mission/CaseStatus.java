package org.opensmur.core.mission;

import org.opensmur.core.hub.model.Coded;
import org.opensmur.core.hub.model.OnlyIn;

/** Status of the case at the SAMU. */
public enum CaseStatus implements Coded {
    @OnlyIn("3")
    PROGRAM("PROGRAM", "Programmé"),
    @OnlyIn("3")
    ACTIF("ACTIF", "Actif"),
    @OnlyIn("2.0")
    PROGRAMME("PROGRAMME", "Programmé"),
    /** Model 2.0 spells it with a leading space: its schema refuses "ACTIF". */
    @OnlyIn("2.0")
    ACTIF_V2(" ACTIF", "Actif"),
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
