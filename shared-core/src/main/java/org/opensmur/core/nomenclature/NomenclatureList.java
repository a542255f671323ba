package org.opensmur.core.nomenclature;

import java.util.Arrays;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The coded lists the tablet picks from, each with the form the official model asks of its codes and who
 * provides the file. {@code hub}: the Hub publishes it with its models ({@code HubSante.<id>.csv}); otherwise
 * there is no public official file yet (the schemas say "à venir") and a SAMU installs its own, in the same
 * CSV shape. {@code freeText}: whether the model's field takes any text when no list is installed (the
 * RS-BPV and RS-RPIS diagnoses, acts and destination fields are free strings; the RPIS codes of what
 * happened, the motive and the place type have a pattern, hence a list).
 */
public enum NomenclatureList {
    /** RS-RPIS regulation.whatsHappen.code (CISU "fait"). */
    FAIT("fait", true, "^C\\d{2}(\\.\\d{2}){2}$", false),
    /** RS-RPIS regulation.healthMotive.code. */
    MOTIF("motif", true, "^M\\d{2}\\.\\d{2}(\\.\\d{2})?$", false),
    /** RS-RPIS intervention.location.type (CISU type de lieu). */
    LIEU("lieu", true, "^L\\d{2}(\\.\\d{2}){2}$", false),
    /** RS-BPV evaluation.mainDiagnosis / associatedDiagnosis, RS-RPIS intervention.mainDiagnosis: SFMU-FEDORU (CIM-10 codes). */
    DIAGNOSTIC("diagnostic", false, "^[A-Z][0-9]{2}(\\.?[0-9A-Z]{1,4})?$", true),
    /** RS-BPV evaluation.procedure, RS-RPIS intervention.procedure: ACTES_SMUR. */
    ACTES("actes", false, Free.TEXT, true),
    /** RS-RPIS orientation.type: SI SAMU NOMENC_DEVENIR_PAT. */
    DEVENIR("devenir", false, Free.TEXT, true),
    /** RS-RPIS orientation.destination.destinationCategory. */
    CATEGORIE_ETABLISSEMENT("categorieEtablissement", false, Free.TEXT, true),
    /** RS-RPIS orientation.destination.healthcareType: ActiviteOperationnelle. */
    ACTIVITE("activiteOperationnelle", false, Free.TEXT, true),
    /** RS-RPIS orientation.destination.finess: FINESS géographique, 9 characters (digits, or 2A/2B for Corsica). */
    FINESS("finess", false, "^[0-9][0-9AB][0-9]{7}$", true),
    /** RS-RPIS intervention.location.detailedAddress.inseeCode: the INSEE code of the commune (COG). */
    COMMUNE("commune", false, "^[0-9]{5}$", true),
    /** RS-RPIS orientation.decision.resourceType: the Hub's typeRessource (SMUR, TSU, HOSPIT...). */
    TYPE_RESSOURCE("typeRessource", true, "^[A-Z]+(\\.[A-Z0-9-]+)*$", false),
    /** RS-RPIS orientation.decision.vehicleType: the Hub's typeVecteur (SMUR.VLM, TSU.AMB...). */
    TYPE_VECTEUR("typeVecteur", true, "^[A-Z]+(\\.[A-Z0-9-]+)*$", false);

    /** A code the model leaves free: one line, no space at either end. */
    private static final class Free {
        static final String TEXT = "^\\S(.{0,198}\\S)?$";
    }

    private final String id;
    private final boolean hub;
    private final Pattern pattern;
    private final boolean freeText;

    NomenclatureList(String id, boolean hub, String pattern, boolean freeText) {
        this.id = id;
        this.hub = hub;
        this.pattern = Pattern.compile(pattern);
        this.freeText = freeText;
    }

    /** The list's name, as in the Hub's file name ({@code HubSante.fait.csv}) or a SAMU's ({@code diagnostic.csv}). */
    public String id() {
        return id;
    }

    /** Whether the Hub publishes this list with its models. */
    public boolean hub() {
        return hub;
    }

    /** The form every code must have (the official schema's pattern where it has one). */
    public Pattern pattern() {
        return pattern;
    }

    /** Whether the model's field takes text the crew writes when no list is installed. */
    public boolean freeText() {
        return freeText;
    }

    /** The file names this list is installed from: {@code HubSante.<id>.csv} or {@code <id>.csv}. */
    public boolean named(String fileName) {
        return fileName.equalsIgnoreCase("HubSante." + id + ".csv") || fileName.equalsIgnoreCase(id + ".csv");
    }

    public static Optional<NomenclatureList> forFile(String fileName) {
        return Arrays.stream(values()).filter(l -> l.named(fileName)).findFirst();
    }

    public static Optional<NomenclatureList> byId(String id) {
        return Arrays.stream(values()).filter(l -> l.id.equals(id)).findFirst();
    }
}
