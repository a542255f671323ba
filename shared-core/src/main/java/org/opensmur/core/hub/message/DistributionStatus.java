package org.opensmur.core.hub.message;

import org.opensmur.core.hub.model.Coded;

/** EDXL-DE distribution status. */
public enum DistributionStatus implements Coded {
    ACTUAL("Actual", "Réel"),
    EXERCISE("Exercise", "Exercice");

    private final String code;
    private final String label;

    DistributionStatus(String code, String label) {
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
