package org.opensmur.core.hub.message;

import org.opensmur.core.hub.model.Coded;

/** RC-DE message status (mirrors the distribution status). */
public enum HeaderStatus implements Coded {
    ACTUAL("Actual", "Réel"),
    EXERCISE("Exercise", "Exercice"),
    SYSTEM("System", "Système");

    private final String code;
    private final String label;

    HeaderStatus(String code, String label) {
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
