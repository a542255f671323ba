package org.opensmur.core.tablet;

/**
 * Where an outgoing message is, as the crew is told: queued on the tablet, sent (the Hub's broker has
 * it), then what the recipient said (RC-REF steps), or why it will not arrive.
 */
public enum DeliveryState {
    QUEUED(0, "En attente d'envoi"),
    SENT(1, "Envoyé, non confirmé par le destinataire"),
    RECEIVED(2, "Reçu par le destinataire"),
    INTEGRATED(3, "Intégré par le destinataire"),
    CONSULTED(4, "Consulté par le destinataire"),
    REFUSED(10, "Refusé par le destinataire"),
    ERROR(10, "Erreur : non remis"),
    EXPIRED(10, "Expiré avant envoi"),
    SUPERSEDED(10, "Remplacé par une position plus récente");

    private final int rank;
    private final String label;

    DeliveryState(int rank, String label) {
        this.rank = rank;
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** Final: nothing more will happen to it. */
    public boolean isFinal() {
        return rank >= 10;
    }

    /** States only move forward: a late RECU never hides a CONSULTE, nothing revives a final state. */
    public boolean canMoveTo(DeliveryState next) {
        if (isFinal()) {
            return false;
        }
        return next.isFinal() || next.rank > rank;
    }
}
