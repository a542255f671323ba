package org.opensmur.core.mission;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The case as it stands (its RS-EDA with every RS-EDA-MAJ merged in), read through the model records: the
 * one place that knows where each fact of a case lives, for the screens, the RPIS prefill and the headless
 * tablet alike. What the SAMU did not give is null or empty here, never made up.
 *
 * @param caseHealth the merged case bound to the model ({@code null} fields where the SAMU said nothing)
 * @param freetext   the free text of the updates (RS-EDA-MAJ has one; RS-EDA does not)
 */
public record MergedCase(String caseId, CreateCaseHealth caseHealth, String freetext) {

    /** Case states that mean the SAMU closed the case: the mission is over for it (and may be erased later). */
    public static final Set<String> CLOSED_STATES = Set.of("CLOTURE", "CLASSE", "ARCHIVE");

    public MergedCase {
        Objects.requireNonNull(caseId);
        caseHealth = caseHealth != null ? caseHealth
                : new CreateCaseHealth(caseId, null, null, null, null, null, null, null, null, null, null, null, null);
    }

    public String senderCaseId() {
        return blankToNull(caseHealth.senderCaseId());
    }

    public OffsetDateTime creation() {
        return caseHealth.creation();
    }

    private Optional<Qualification> qualification() {
        return Optional.ofNullable(caseHealth.qualification());
    }

    public Priority priority() {
        return qualification().map(Qualification::details).map(CaseDetails::priority).orElse(null);
    }

    public CaseStatus status() {
        return qualification().map(Qualification::details).map(CaseDetails::status).orElse(null);
    }

    /** Whether the SAMU has closed the case (closed, filed or archived). */
    public boolean closedBySamu() {
        CaseStatus status = status();
        return status != null && CLOSED_STATES.contains(status.code().strip());
    }

    /** What happened, when the SAMU gave both its code and its label. */
    public WhatsHappen whatsHappen() {
        WhatsHappen w = qualification().map(Qualification::whatsHappen).orElse(null);
        return w == null || blankToNull(w.code()) == null || blankToNull(w.label()) == null ? null
                : new WhatsHappen(blankToNull(w.code()), blankToNull(w.label()));
    }

    /** The health motive, when the SAMU gave both its code and its label. */
    public HealthMotive healthMotive() {
        HealthMotive m = qualification().map(Qualification::healthMotive).orElse(null);
        return m == null || blankToNull(m.code()) == null || blankToNull(m.label()) == null ? null
                : new HealthMotive(blankToNull(m.code()), blankToNull(m.label()));
    }

    public String whatsHappenLabel() {
        return qualification().map(Qualification::whatsHappen).map(WhatsHappen::label).map(MergedCase::blankToNull).orElse(null);
    }

    public String healthMotiveLabel() {
        return qualification().map(Qualification::healthMotive).map(HealthMotive::label).map(MergedCase::blankToNull).orElse(null);
    }

    /** The kind of place (nomenclature code), which the RPIS's location type takes. */
    public String locationKindCode() {
        return qualification().map(Qualification::locationKind).map(LocationKind::code).map(MergedCase::blankToNull).orElse(null);
    }

    private Optional<CaseLocation> location() {
        return Optional.ofNullable(caseHealth.location());
    }

    /** The street address as the SAMU wrote it. */
    public String address() {
        return location().map(CaseLocation::detailedAddress).map(DetailedAddress::complete).map(MergedCase::blankToNull).orElse(null);
    }

    public String cityName() {
        return location().map(CaseLocation::city).map(City::name).map(MergedCase::blankToNull).orElse(null);
    }

    public String inseeCode() {
        return location().map(CaseLocation::city).map(City::inseeCode).map(MergedCase::blankToNull).orElse(null);
    }

    /** Where the intervention is, when the SAMU gave a point. */
    public CaseCoordinates coordinates() {
        CaseCoordinates c = location().map(CaseLocation::geometry).map(Geometry::point).map(Point::coord).orElse(null);
        return c == null || c.lat() == null || c.lon() == null ? null : c;
    }

    public List<Patient> patients() {
        return caseHealth.patient() == null ? List.of() : caseHealth.patient().stream().filter(Objects::nonNull).toList();
    }

    /** The patient at {@code index} of the case, if there is one. */
    public Optional<Patient> patient(int index) {
        List<Patient> patients = patients();
        return index >= 0 && index < patients.size() ? Optional.of(patients.get(index)) : Optional.empty();
    }

    /** What the SAMU's medical notes say about one patient, in their order. */
    public List<String> notesAbout(String patientId) {
        if (patientId == null || caseHealth.medicalNote() == null) {
            return List.of();
        }
        return caseHealth.medicalNote().stream().filter(n -> n != null && patientId.equals(n.patientId()))
                .map(MedicalNote::freetext).map(MergedCase::blankToNull).filter(Objects::nonNull).toList();
    }

    public Caller caller() {
        return caseHealth.initialAlert() == null ? null : caseHealth.initialAlert().caller();
    }

    public List<Decision> decisions() {
        return caseHealth.decision() == null ? List.of() : caseHealth.decision().stream().filter(Objects::nonNull).toList();
    }

    /** When the regulation decided: the first decision of the case that carries its time. */
    public OffsetDateTime decidedAt() {
        return decisions().stream().map(Decision::creation).filter(Objects::nonNull).findFirst().orElse(null);
    }

    // ---- a patient's facts, where they live in the model

    public static String patientName(Patient p) {
        return p.identity() == null || p.identity().nonStrictFeatures() == null ? null : blankToNull(p.identity().nonStrictFeatures().complete());
    }

    public static String lastName(Patient p) {
        return p.identity() == null || p.identity().nonStrictFeatures() == null ? null : blankToNull(p.identity().nonStrictFeatures().lastName());
    }

    public static String firstName(Patient p) {
        return p.identity() == null || p.identity().nonStrictFeatures() == null ? null : blankToNull(p.identity().nonStrictFeatures().firstName());
    }

    private static Optional<StrictFeatures> strict(Patient p) {
        return Optional.ofNullable(p.identity()).map(Identity::strictFeatures);
    }

    public static String birthName(Patient p) {
        return strict(p).map(StrictFeatures::birthName).map(MergedCase::blankToNull).orElse(null);
    }

    public static String birthDate(Patient p) {
        return strict(p).map(StrictFeatures::birthDate).map(MergedCase::blankToNull).orElse(null);
    }

    public static Sex sex(Patient p) {
        return strict(p).map(StrictFeatures::sex).orElse(null);
    }

    /** The age as the SAMU gave it (ISO 8601 period, e.g. P45Y). */
    public static String age(Patient p) {
        return p.detail() == null ? null : blankToNull(p.detail().age());
    }

    public static String medicalHistory(Patient p) {
        return p.detail() == null ? null : blankToNull(p.detail().medicalHistory());
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
