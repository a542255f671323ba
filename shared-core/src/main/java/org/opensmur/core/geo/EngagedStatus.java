package org.opensmur.core.geo;

import org.opensmur.core.hub.model.Coded;

/** Engagement state reported with a position. */
public enum EngagedStatus implements Coded {
    ALERTEE("ALERTEE", "Alertée"),
    PARTIE("PARTIE", "Partie"),
    ARRIVEE_LIEU("ARRIVEE_LIEU", "Arrivée sur les lieux"),
    TRANSPORT_DESTINATION("TRANSPORT_DESTINATION", "En transport vers la destination"),
    ARRIVEE_DESTINATION("ARRIVEE_DESTINATION", "Arrivée à destination"),
    FIN_MED("FIN_MED", "Fin de médicalisation"),
    QUITTE_DESTINATION("QUITTE_DESTINATION", "A quitté la destination"),
    RETOUR_DISPONIBLE("RETOUR_DISPONIBLE", "Retour, disponible"),
    RETOUR_INDISPONIBLE("RETOUR_INDISPONIBLE", "Retour, indisponible"),
    ARRIVEE_CENTRE("ARRIVEE_CENTRE", "Arrivée au centre");

    private final String code;
    private final String label;

    EngagedStatus(String code, String label) {
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
