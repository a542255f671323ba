package org.opensmur.core.mission;

import org.opensmur.core.hub.model.Coded;

/** Kind of regulation decision. */
public enum DecisionType implements Coded {
    CONSEIL("CONSEIL", "Conseil"),
    PMT("PMT", "Prescription médicamenteuse par téléphone"),
    INTER("INTER", "Intervention"),
    ORIENT("ORIENT", "Orientation"),
    PASPLUS("PASPLUS", "Pas d'autre moyen engagé");

    private final String code;
    private final String label;

    DecisionType(String code, String label) {
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
