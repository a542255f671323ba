package org.opensmur.core.mission;

import org.opensmur.core.hub.model.Coded;

/** Kind of contact address. */
public enum ContactType implements Coded {
    EMAIL("EMAIL", "Courriel"),
    FAX("FAX", "Fax"),
    MSS("MSS", "Messagerie sécurisée de santé"),
    POSTAL("POSTAL", "Adresse postale"),
    RADIO("RADIO", "Radio"),
    TEL("TEL", "Téléphone"),
    WEB("WEB", "Site web");

    private final String code;
    private final String label;

    ContactType(String code, String label) {
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
