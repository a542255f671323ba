package org.opensmur.core.mission;

import org.opensmur.core.hub.model.Coded;

/** Administrative sex of a patient. */
public enum Sex implements Coded {
    M("M", "Masculin"),
    F("F", "Féminin"),
    O("O", "Autre"),
    UN("UN", "Inconnu");

    private final String code;
    private final String label;

    Sex(String code, String label) {
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
