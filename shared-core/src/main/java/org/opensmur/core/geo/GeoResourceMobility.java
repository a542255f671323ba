package org.opensmur.core.geo;

import org.opensmur.core.hub.model.Coded;
import org.opensmur.core.hub.model.OnlyIn;

/** GEO-RES mobility (model 2.0 spells the ship "SHIP ", with a space). */
public enum GeoResourceMobility implements Coded {
    FIXE("FIXE", "Fixe"),
    VEHICULE("VEHICULE", "Véhicule"),
    HELICOPTERE("HELICOPTERE", "Hélicoptère"),
    @OnlyIn("3")
    SHIP("SHIP", "Navire"),
    @OnlyIn("2.0")
    SHIP_V2("SHIP ", "Navire");

    private final String code;
    private final String label;

    GeoResourceMobility(String code, String label) {
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
