package org.opensmur.core.mission;

import org.opensmur.core.hub.model.Coded;

/** Kind of external location reference. */
public enum LocationInfoType implements Coded {
    MANUEL("MANUEL", "Manuel"),
    CARTE("CARTE", "Carte"),
    AUTRE("AUTRE", "Autre"),
    PHOTO("PHOTO", "Photo"),
    SITE_INTERNET("SITE_INTERNET", "Site internet");

    private final String code;
    private final String label;

    LocationInfoType(String code, String label) {
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
