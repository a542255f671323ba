package org.opensmur.core.mission;

import org.opensmur.core.hub.model.Coded;

/** Regulation priority of a case. */
public enum Priority implements Coded {
    P0("P0", "P0 - urgence vitale absolue"),
    P1("P1", "P1 - urgence vitale"),
    P2("P2", "P2 - urgence relative"),
    P3("P3", "P3 - non urgent"),
    NR("NR", "Non renseignée");

    private final String code;
    private final String label;

    Priority(String code, String label) {
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
