package org.opensmur.core.geo;

import org.opensmur.core.hub.model.Coded;


/** GEO-RES resource type. */
public enum GeoResourceType implements Coded {
    SMUR("SMUR", "SMUR"),
    SDIS("SDIS", "Sapeurs-pompiers"),
    TSU("TSU", "Transport sanitaire urgent"),
    SNP("SNP", "Soins non programmés"),
    MSPE("MSPE", "Maison de santé"),
    SHIP("SHIP", "Navire");

    private final String code;
    private final String label;

    GeoResourceType(String code, String label) {
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
