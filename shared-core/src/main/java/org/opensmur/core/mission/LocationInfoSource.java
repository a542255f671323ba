package org.opensmur.core.mission;

import org.opensmur.core.hub.model.Coded;

/** Source of an external location reference. */
public enum LocationInfoSource implements Coded {
    BAN("BAN", "Base adresse nationale"),
    IGN("IGN", "IGN"),
    NEXSIS("NEXSIS", "NexSIS");

    private final String code;
    private final String label;

    LocationInfoSource(String code, String label) {
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
