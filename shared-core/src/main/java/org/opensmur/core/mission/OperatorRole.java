package org.opensmur.core.mission;

import org.opensmur.core.hub.model.Coded;
import org.opensmur.core.hub.model.OnlyIn;

/** Role of the person who wrote a note, a decision or a bilan. */
public enum OperatorRole implements Coded {
    AMBULANCIER("AMBULANCIER", "Ambulancier"),
    ARM("ARM", "Assistant de régulation médicale"),
    INFIRMIER("INFIRMIER", "Infirmier"),
    MEDECIN("MEDECIN", "Médecin"),
    @OnlyIn("3")
    PILOTE("PILOTE", "Pilote"),
    @OnlyIn("3")
    TCM("TCM", "Technicien de coordination médicale"),
    AUTRE("AUTRE", "Autre"),
    INCONNU("INCONNU", "Inconnu");

    private final String code;
    private final String label;

    OperatorRole(String code, String label) {
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
