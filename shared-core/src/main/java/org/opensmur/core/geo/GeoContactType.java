package org.opensmur.core.geo;

import org.opensmur.core.hub.model.Coded;


/** GEO-RES contact: radio address or phone number. */
public enum GeoContactType implements Coded {
    PMRADD("PMRADD", "Adresse radio"),
    PHNADD("PHNADD", "Téléphone");

    private final String code;
    private final String label;

    GeoContactType(String code, String label) {
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
