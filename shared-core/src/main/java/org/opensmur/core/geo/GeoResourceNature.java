package org.opensmur.core.geo;

import org.opensmur.core.hub.model.Coded;


/** GEO-RES nature of a resource: one that acts, or a base. */
public enum GeoResourceNature implements Coded {
    EFFECTEUR("EFFECTEUR", "Effecteur"),
    BASE("BASE", "Base");

    private final String code;
    private final String label;

    GeoResourceNature(String code, String label) {
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
