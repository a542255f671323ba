package org.opensmur.core.document;

import org.opensmur.core.hub.model.Coded;

/**
 * Document types the tablet offers. The Hub's model leaves {@code documentType} free (no list); these
 * codes follow the official examples so that an LRM can recognise them.
 */
public enum DocumentType implements Coded {
    BILAN("BILAN", "Bilan"),
    ECG("ECG", "Électrocardiogramme"),
    PHOTO("PHOTO", "Photo"),
    PRESCRIPTION("PRESCRIPTION", "Ordonnance"),
    IDENTITE("IDENTITE", "Pièce d'identité"),
    CARTE_VITALE("CARTE_VITALE", "Carte Vitale"),
    AUTRE("AUTRE", "Autre document");

    private final String code;
    private final String label;

    DocumentType(String code, String label) {
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
