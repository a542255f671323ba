package org.opensmur.core.mission;

import org.opensmur.core.hub.model.Coded;

/** Issuer of a location identifier. */
public enum LocationIdSource implements Coded {
    FINESS_ADMINISTRATIF("FINESS_ADMINISTRATIF", "FINESS juridique"),
    FINESS_GEOGRAPHIQUE("FINESS_GEOGRAPHIQUE", "FINESS géographique"),
    SIREN("SIREN", "SIREN"),
    SIRET("SIRET", "SIRET"),
    APE_NAF("APE_NAF", "Code APE/NAF");

    private final String code;
    private final String label;

    LocationIdSource(String code, String label) {
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
