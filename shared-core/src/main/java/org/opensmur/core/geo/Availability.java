package org.opensmur.core.geo;

import org.opensmur.core.hub.model.Coded;

/** Availability reported with a position. */
public enum Availability implements Coded {
    DISPONIBLE("DISPONIBLE", "Disponible"),
    INDISPONIBLE("INDISPONIBLE", "Indisponible"),
    INCONNU("INCONNU", "Inconnue");

    private final String code;
    private final String label;

    Availability(String code, String label) {
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
