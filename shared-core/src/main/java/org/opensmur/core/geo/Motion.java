package org.opensmur.core.geo;

import org.opensmur.core.hub.model.Coded;

/** Whether a vehicle is moving. */
public enum Motion implements Coded {
    MOBILE("MOBILE", "En mouvement"),
    STATIQUE("STATIQUE", "À l'arrêt");

    private final String code;
    private final String label;

    Motion(String code, String label) {
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
