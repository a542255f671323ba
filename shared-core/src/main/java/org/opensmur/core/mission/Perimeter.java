package org.opensmur.core.mission;

import org.opensmur.core.hub.model.Coded;

/** Regulation perimeter of the case. */
public enum Perimeter implements Coded {
    AMU("AMU", "Aide médicale urgente"),
    NEONAT("NEONAT", "Néonatal"),
    PSY("PSY", "Psychiatrie"),
    SNP("SNP", "Soins non programmés");

    private final String code;
    private final String label;

    Perimeter(String code, String label) {
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
