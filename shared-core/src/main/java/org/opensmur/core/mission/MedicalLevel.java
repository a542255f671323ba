package org.opensmur.core.mission;

import org.opensmur.core.hub.model.Coded;
import org.opensmur.core.hub.model.OnlyIn;

/** Medical level of a team. */
public enum MedicalLevel implements Coded {
    MED("MED", "Médicalisée"),
    PARAMED("PARAMED", "Paramédicalisée"),
    SECOURS("SECOURS", "Secouriste"),
    @OnlyIn("3")
    SANS("SANS", "Sans niveau médical");

    private final String code;
    private final String label;

    MedicalLevel(String code, String label) {
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
