package org.opensmur.oru.quality;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Completeness and quality of one consolidated record: which expected fields are missing, which values
 * are doubtful (times out of order, a mission longer than a day, a birth after the decision, codes not
 * in their nomenclature), and the delays the dashboard's medians are made of. A doubt names fields and
 * rules, never values.
 */
public final class Quality {

    private static final String TIMES = "/intervention/smurStatus/";

    /**
     * The fields an RPIS record should carry for the observatory: those the schema requires and the
     * optional ones the activity figures are made of (times, place type, residence, the decision).
     */
    static final List<String> EXPECTED = List.of(
            "/context/orgId", "/context/senderCaseId", "/context/creationDate", "/context/decisionDate",
            "/context/ressourceFinessLegal", "/context/ressourceFinessGeo", "/context/ressourceStructure",
            "/regulation/whatsHappen/code", "/regulation/healthMotive/code", "/regulation/medicalLevel",
            "/patient/birthDate", "/patient/sex", "/patient/residentialAddress/inseeCode",
            "/intervention/location/type", "/intervention/location/detailedAddress/inseeCode",
            "/intervention/team/doctor", "/intervention/team/nurse", "/intervention/team/driver",
            TIMES + "departSmur", TIMES + "arrivedSmur", TIMES + "departLocation", TIMES + "teamAvailable",
            TIMES + "returnSmur", "/intervention/mainDiagnosis",
            "/orientation/type", "/orientation/decision/resourceType", "/orientation/decision/vehicleType",
            "/orientation/decision/medicalLevel");

    /** Expected too when the patient was taken somewhere (a destination or an arrival there is given). */
    static final List<String> EXPECTED_WHEN_TRANSPORTED = List.of(
            TIMES + "arrivedDestination", "/orientation/destination/finess", "/orientation/destination/destinationCategory");

    /** Times that must come in this order when both are given. */
    static final List<String[]> ORDER = List.of(
            new String[] {"/context/creationDate", "/context/decisionDate"},
            new String[] {"/context/decisionDate", TIMES + "departSmur"},
            new String[] {TIMES + "departSmur", TIMES + "arrivedSmur"},
            new String[] {TIMES + "arrivedSmur", TIMES + "departLocation"},
            new String[] {TIMES + "departLocation", TIMES + "arrivedDestination"},
            new String[] {TIMES + "arrivedSmur", TIMES + "teamAvailable"},
            new String[] {TIMES + "departSmur", TIMES + "returnSmur"});

    /** Coded fields and the nomenclature ({@code HubSante.<list>.csv}) their codes come from. */
    static final List<String[]> CODED = List.of(
            new String[] {"/regulation/whatsHappen/code", "fait"},
            new String[] {"/regulation/healthMotive/code", "motif"},
            new String[] {"/intervention/location/type", "lieu"},
            new String[] {"/patient/sex", "sexe"},
            new String[] {"/orientation/decision/resourceType", "typeRessource"},
            new String[] {"/orientation/decision/vehicleType", "typeVecteur"});

    private static final Duration LONGEST_MISSION = Duration.ofHours(24);

    /** What the checks found; delays in seconds, null when a time is missing or out of order. */
    public record Assessment(double completeness, List<String> missing, List<String> doubtful,
                             Long delayDeparture, Long delayOnScene, Long delayAvailable) {
    }

    private final Nomenclatures nomenclatures;

    public Quality(Nomenclatures nomenclatures) {
        this.nomenclatures = nomenclatures;
    }

    public Assessment assess(JsonNode record) {
        List<String> expected = new ArrayList<>(EXPECTED);
        if (present(record, "/orientation/destination") || present(record, TIMES + "arrivedDestination")) {
            expected.addAll(EXPECTED_WHEN_TRANSPORTED);
        }
        List<String> missing = expected.stream().filter(p -> !present(record, p)).toList();
        double completeness = (expected.size() - missing.size()) / (double) expected.size();

        List<String> doubtful = new ArrayList<>();
        for (String[] pair : ORDER) {
            Optional<OffsetDateTime> before = time(record, pair[0]);
            Optional<OffsetDateTime> after = time(record, pair[1]);
            if (before.isPresent() && after.isPresent() && after.get().isBefore(before.get())) {
                doubtful.add(pair[1] + ": before " + pair[0]);
            }
        }
        for (String path : List.of("/context/creationDate", "/context/decisionDate", TIMES + "departSmur", TIMES + "arrivedSmur",
                TIMES + "departLocation", TIMES + "arrivedDestination", TIMES + "teamAvailable", TIMES + "returnSmur")) {
            if (present(record, path) && time(record, path).isEmpty()) {
                doubtful.add(path + ": not a date-time");
            }
        }
        Optional<OffsetDateTime> decision = time(record, "/context/decisionDate");
        Optional<OffsetDateTime> back = time(record, TIMES + "returnSmur");
        if (decision.isPresent() && back.isPresent() && Duration.between(decision.get(), back.get()).compareTo(LONGEST_MISSION) > 0) {
            doubtful.add(TIMES + "returnSmur: more than 24 h after /context/decisionDate");
        }
        if (present(record, "/patient/birthDate")) {
            try {
                LocalDate born = LocalDate.parse(record.at("/patient/birthDate").asText());
                if (decision.isPresent() && born.isAfter(decision.get().toLocalDate())) {
                    doubtful.add("/patient/birthDate: after /context/decisionDate");
                }
            } catch (DateTimeException e) {
                doubtful.add("/patient/birthDate: not a date (YYYY-MM-DD)");
            }
        }
        for (String[] coded : CODED) {
            Optional<Set<String>> codes = nomenclatures.codes(coded[1]);
            if (codes.isPresent() && present(record, coded[0]) && !codes.get().contains(record.at(coded[0]).asText())) {
                doubtful.add(coded[0] + ": not in the nomenclature " + coded[1]);
            }
        }
        return new Assessment(completeness, missing, List.copyOf(doubtful),
                seconds(decision, time(record, TIMES + "departSmur")),
                seconds(time(record, TIMES + "departSmur"), time(record, TIMES + "arrivedSmur")),
                seconds(time(record, TIMES + "arrivedSmur"), time(record, TIMES + "teamAvailable")));
    }

    private static Long seconds(Optional<OffsetDateTime> from, Optional<OffsetDateTime> to) {
        if (from.isEmpty() || to.isEmpty() || to.get().isBefore(from.get())) {
            return null;
        }
        return Duration.between(from.get(), to.get()).toSeconds();
    }

    private static boolean present(JsonNode record, String pointer) {
        JsonNode node = record.at(pointer);
        return !node.isMissingNode() && !node.isNull() && !(node.isTextual() && node.asText().isBlank())
                && !(node.isContainerNode() && node.isEmpty());
    }

    private static Optional<OffsetDateTime> time(JsonNode record, String pointer) {
        JsonNode node = record.at(pointer);
        if (!node.isTextual()) {
            return Optional.empty();
        }
        try {
            return Optional.of(OffsetDateTime.parse(node.asText()));
        } catch (DateTimeException e) {
            return Optional.empty();
        }
    }
}
