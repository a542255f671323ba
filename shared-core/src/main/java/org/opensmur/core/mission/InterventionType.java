package org.opensmur.core.mission;

import org.opensmur.core.hub.validation.Coded;

/** Primary intervention or transfer. */
public enum InterventionType implements Coded {
    T1("T1", "Primaire"),
    T2_INTER("T2-INTER", "Secondaire inter-hospitalier"),
    T2_INTRA("T2-INTRA", "Secondaire intra-hospitalier"),
    T3("T3", "Transport infirmier inter-hospitalier"),
    T4("T4", "Autre transport");

    private final String code;
    private final String label;

    InterventionType(String code, String label) {
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
