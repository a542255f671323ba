package org.opensmur.core.mission;

import org.opensmur.core.hub.model.Coded;
import org.opensmur.core.hub.model.OnlyIn;

/** Primary intervention or transfer. */
public enum InterventionType implements Coded {
    @OnlyIn("3")
    T1("T1", "Primaire"),
    @OnlyIn("3")
    T2_INTER("T2-INTER", "Secondaire inter-hospitalier"),
    @OnlyIn("3")
    T2_INTRA("T2-INTRA", "Secondaire intra-hospitalier"),
    @OnlyIn("3")
    T3("T3", "Transport infirmier inter-hospitalier"),
    @OnlyIn("3")
    T4("T4", "Autre transport"),
    @OnlyIn("2.0")
    PRIMAIRE("PRIMAIRE", "Primaire"),
    @OnlyIn("2.0")
    SECONDAIRE("SECONDAIRE", "Secondaire"),
    @OnlyIn("2.0")
    RETOUR_A_DOMICILE("RETOUR A DOMICILE", "Retour à domicile");

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
