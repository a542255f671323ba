package org.opensmur.core.mission;

import org.opensmur.core.hub.model.Coded;

/** Level of care the patient needs. */
public enum CareLevel implements Coded {
    R1("R1", "R1 - détresse vitale"),
    R2("R2", "R2 - urgence vraie"),
    R3("R3", "R3 - urgence relative"),
    R4("R4", "R4 - pas d'urgence");

    private final String code;
    private final String label;

    CareLevel(String code, String label) {
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
