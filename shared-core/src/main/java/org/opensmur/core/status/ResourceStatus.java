package org.opensmur.core.status;

import org.opensmur.core.hub.model.Coded;
import org.opensmur.core.hub.model.OnlyIn;

/** Status of a vehicle (RS-SR / RS-RI state), in the order a mission normally goes through them. */
public enum ResourceStatus implements Coded {
    DECISION("DECISION", "Décision d'engagement"),
    DECLENCHE("DECLENCHE", "Déclenché"),
    DEPART("DEPART", "Départ"),
    ANNULE("ANNULE", "Annulé"),
    ARRIVEE("ARRIVEE", "Arrivé sur les lieux"),
    PEC("PEC", "Prise en charge du patient"),
    BILAN("BILAN", "Bilan transmis"),
    @OnlyIn("3")
    ORIENTAT("ORIENTAT", "Orientation reçue"),
    TRANSP("TRANSP", "Transport du patient"),
    ETAPE1("ETAPE1", "Étape 1"),
    TRANSP2("TRANSP2", "Reprise du transport après l'étape 1"),
    ETAPE2("ETAPE2", "Étape 2"),
    TRANSP3("TRANSP3", "Reprise du transport après l'étape 2"),
    DESTIN("DESTIN", "Arrivé à destination"),
    @OnlyIn("3")
    FINPEC("FINPEC", "Fin de prise en charge"),
    /** Model 2.0's end of the medical care (3.0 renamed it FINPEC). */
    @OnlyIn("2.0")
    FINMED("FINMED", "Fin de médicalisation"),
    RETOUR("RETOUR", "Quitte la destination, disponible"),
    RET_BASE("RET-BASE", "Retour vers la base"),
    REN_BASE("REN-BASE", "Rentré à la base");

    private final String code;
    private final String label;

    ResourceStatus(String code, String label) {
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
