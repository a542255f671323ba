package org.opensmur.core.geo;

import org.opensmur.core.hub.model.Coded;


/** GEO-RES capacity of a resource. */
public enum GeoResourceCapacity implements Coded {
    URGENCE("URGENCE", "Urgence"),
    MEDICALE("MEDICALE", "Médicale"),
    PARAMEDICALE("PARAMEDICALE", "Paramédicale"),
    INCONNUE("INCONNUE", "Inconnue");

    private final String code;
    private final String label;

    GeoResourceCapacity(String code, String label) {
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
