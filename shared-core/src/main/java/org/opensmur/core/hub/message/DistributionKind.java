package org.opensmur.core.hub.message;

import org.opensmur.core.hub.model.Coded;

/** EDXL-DE distribution kind; it decides the recipient queue. */
public enum DistributionKind implements Coded {
    REPORT("Report", "Rapport"),
    UPDATE("Update", "Mise à jour"),
    CANCEL("Cancel", "Annulation"),
    ACK("Ack", "Accusé de réception"),
    ERROR("Error", "Erreur");

    private final String code;
    private final String label;

    DistributionKind(String code, String label) {
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
