package org.opensmur.core.mission;

import org.opensmur.core.hub.model.Coded;

/** How precisely a case location is known. */
public enum PositionPrecision implements Coded {
    VILLE("VILLE", "À la ville"),
    RUE("RUE", "À la rue"),
    ADRESSE("ADRESSE", "À l'adresse"),
    EXACTE("EXACTE", "Position exacte"),
    INCONNUE("INCONNUE", "Inconnue");

    private final String code;
    private final String label;

    PositionPrecision(String code, String label) {
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
