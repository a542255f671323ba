package org.opensmur.core.reference;

import org.opensmur.core.hub.model.Coded;

/** Step of a final-reception acknowledgement (RC-REF). */
public enum ReferenceStep implements Coded {
    RECU("RECU", "Reçu"),
    ERREUR("ERREUR", "Erreur d'intégration"),
    INTEGRE("INTEGRE", "Intégré"),
    CONSULTE("CONSULTE", "Consulté"),
    SUPPRIME("SUPPRIME", "Supprimé par l'émetteur");

    private final String code;
    private final String label;

    ReferenceStep(String code, String label) {
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
