package org.opensmur.core.hub.error;

import java.util.Optional;

/** Error codes of the Hub (100-600) and of partners (700-704), with what they mean for the crew. */
public enum ErrorCode {
    DELIVERY_MODE_INCONSISTENCY(100, "Message non persistant (erreur du logiciel)", Action.FIX_CLIENT),
    NOT_ALLOWED_CONTENT_TYPE(101, "Type de contenu refusé (erreur du logiciel)", Action.FIX_CLIENT),
    UNRECOGNIZED_MESSAGE_FORMAT(102, "Format de message non reconnu par le Hub", Action.CONTACT_HUB),
    SENDER_INCONSISTENCY(200, "Émetteur incohérent (erreur de configuration)", Action.FIX_CLIENT),
    INVALID_MESSAGE(300, "Message invalide refusé par le Hub", Action.FIX_CLIENT),
    SCHEMA_NOT_FOUND(301, "Schéma introuvable côté Hub", Action.RETRY_LATER),
    EXPIRED_MESSAGE_BEFORE_ROUTING(400, "Message expiré avant distribution", Action.RESEND_IF_RELEVANT),
    DEAD_LETTER_QUEUED(500, "Message non remis au destinataire", Action.RESEND_IF_RELEVANT),
    UNROUTABLE_MESSAGE(501, "Destinataire inconnu du Hub", Action.FIX_CLIENT),
    MESSAGE_CONVERSION_ERROR(600, "Erreur de conversion du message", Action.CONTACT_HUB),
    INTERNAL_CLIENT_ERROR(700, "Erreur interne chez le destinataire", Action.CONTACT_PARTNER),
    CASE_ALREADY_EXISTS(701, "Le dossier existe déjà chez le destinataire", Action.CONTACT_PARTNER),
    WRONG_MESSAGE_SEQUENCE(702, "Message reçu hors séquence par le destinataire", Action.CONTACT_PARTNER),
    UNKNOWN_SENDER(703, "Émetteur inconnu du destinataire", Action.CONTACT_PARTNER),
    INSUFFICIENT_DATA(704, "Données insuffisantes pour le destinataire", Action.CONTACT_PARTNER);

    /** What the client should do about it. */
    public enum Action { FIX_CLIENT, RETRY_LATER, RESEND_IF_RELEVANT, CONTACT_HUB, CONTACT_PARTNER }

    private final int statusCode;
    private final String label;
    private final Action action;

    ErrorCode(int statusCode, String label, Action action) {
        this.statusCode = statusCode;
        this.label = label;
        this.action = action;
    }

    public int statusCode() {
        return statusCode;
    }

    public String statusString() {
        return name();
    }

    /** Plain French words for the crew. */
    public String label() {
        return label;
    }

    public Action action() {
        return action;
    }

    public static Optional<ErrorCode> of(Number statusCode) {
        if (statusCode == null) {
            return Optional.empty();
        }
        double value = statusCode.doubleValue();
        for (ErrorCode code : values()) {
            if (code.statusCode == value) {
                return Optional.of(code);
            }
        }
        return Optional.empty();
    }
}
