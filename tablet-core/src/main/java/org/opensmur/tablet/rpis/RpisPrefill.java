package org.opensmur.tablet.rpis;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.opensmur.core.mission.HealthMotive;
import org.opensmur.core.mission.MergedCase;
import org.opensmur.core.mission.Patient;
import org.opensmur.core.mission.MedicalLevel;
import org.opensmur.core.mission.Sex;
import org.opensmur.core.mission.WhatsHappen;
import org.opensmur.core.rpis.InseeAddress;
import org.opensmur.core.rpis.Rpis;
import org.opensmur.core.rpis.RpisContext;
import org.opensmur.core.rpis.RpisDecision;
import org.opensmur.core.rpis.RpisIntervention;
import org.opensmur.core.rpis.RpisLocation;
import org.opensmur.core.rpis.RpisOrientation;
import org.opensmur.core.rpis.RpisPatient;
import org.opensmur.core.rpis.RpisRegulation;
import org.opensmur.core.rpis.RpisTeam;
import org.opensmur.core.rpis.RpisTimes;
import org.opensmur.core.status.ResourceStatus;
import org.opensmur.core.tablet.CaseView;

/**
 * The RPIS record as far as the tablet knows it: the case as shared by the SAMU, the status times the
 * crew tapped, the bilan's main diagnosis and the unit's identity. What none of them says stays empty
 * ({@code null}) and is named by {@link #missing}: the crew completes it ({@link Answers}); nothing is
 * made up to pass the schema (no default motive, birth date, care level, team or orientation).
 */
public final class RpisPrefill {

    private RpisPrefill() {
    }

    /** The SMUR's own identifiers for the RPIS context (FINESS numbers and the SMUR code). */
    public record Unit(String orgId, String finessGeo, String finessJuridical, String smurCode) {
    }

    /**
     * What the crew states on the RPIS screen; a {@code null} keeps what the prefill found (and stays
     * missing if it found nothing). {@code decisionDate}: when the regulation decided to engage the SMUR.
     * The place's town: {@code inseeCode} and {@code placeCity}, its name, go together (see {@link #complete});
     * {@code locationFiness} and {@code locationService}: the health facility the intervention took place in, when
     * it did. {@code home}: where the patient lives; {@code transport}: how the patient was transported.
     */
    public record Answers(WhatsHappen whatsHappen, HealthMotive healthMotive, MedicalLevel medicalLevel, String birthDate, Sex sex,
                          RpisTeam team, OffsetDateTime decisionDate, String inseeCode, String mainDiagnosis, String orientationType,
                          String locationType, RpisTimes times, org.opensmur.core.rpis.RpisDestination destination,
                          String placeCity, String locationFiness, String locationService, Town home, Transport transport) {

        /** The answers without the place's name, the facility, the home town or the transport (the prefill's stay). */
        public Answers(WhatsHappen whatsHappen, HealthMotive healthMotive, MedicalLevel medicalLevel, String birthDate, Sex sex,
                       RpisTeam team, OffsetDateTime decisionDate, String inseeCode, String mainDiagnosis, String orientationType,
                       String locationType, RpisTimes times, org.opensmur.core.rpis.RpisDestination destination) {
            this(whatsHappen, healthMotive, medicalLevel, birthDate, sex, team, decisionDate, inseeCode, mainDiagnosis, orientationType,
                    locationType, times, destination, null, null, null, null, null);
        }
    }

    /**
     * A town as the crew states it: its INSEE code and its name, both or neither (the model requires both); one
     * without the other is named missing by {@link #missing}, never sent.
     */
    public record Town(String inseeCode, String city) {
    }

    /**
     * The transport decided for the patient: the resource type, the vehicle type and the care level, all three or
     * none (the model requires the three); a part said without the others is named missing, never sent.
     */
    public record Transport(String resourceType, String vehicleType, MedicalLevel medicalLevel) {
    }

    /** The record for the case's first patient. */
    public static Rpis from(CaseView view, Map<ResourceStatus, OffsetDateTime> times, String diagnosis, Unit unit) {
        return from(view, times, diagnosis, unit, 0, null);
    }

    /**
     * The record for one patient: the case's {@code patient[index]}, or ({@code index} -1) one the crew found on
     * scene, whom the case says nothing about, identified by {@code patientId}.
     */
    public static Rpis from(CaseView view, Map<ResourceStatus, OffsetDateTime> times, String diagnosis, Unit unit,
                            int index, String patientId) {
        MergedCase c = view == null ? new MergedCase("", null, null) : view.merged();
        String caseId = c.caseId();
        String senderCaseId = c.senderCaseId() != null ? c.senderCaseId() : caseId.substring(caseId.lastIndexOf('.') + 1);
        RpisContext context = new RpisContext(unit.orgId(), senderCaseId, c.creation(), c.decidedAt(),
                unit.finessGeo(), unit.finessJuridical(), unit.smurCode());
        RpisRegulation regulation = new RpisRegulation(c.whatsHappen(), c.healthMotive(), null); // the care level is the crew's to state
        Patient who = index < 0 ? null : c.patient(index).orElse(null);
        // An identifier, not a fact: the one given, the case's own, or one of the SMUR's for this case (PATID's
        // {orgId}.{case}.patient.{n}).
        String id = patientId != null ? patientId : who != null && who.patientId() != null && !who.patientId().isBlank() ? who.patientId().strip()
                : unit.orgId() + "." + senderCaseId + ".patient." + (Math.max(index, 0) + 1);
        RpisPatient patient = new RpisPatient(id, who == null ? null : MergedCase.birthDate(who), who == null ? null : MergedCase.sex(who), null);
        InseeAddress place = new InseeAddress(c.inseeCode(), c.cityName());
        // Available again when the crew said so (leaving the destination); back at base only once tapped.
        OffsetDateTime available = times.getOrDefault(ResourceStatus.RETOUR,
                times.getOrDefault(ResourceStatus.FINPEC, times.get(ResourceStatus.FINMED)));
        RpisIntervention intervention = new RpisIntervention(new RpisLocation(c.locationKindCode(), null, null, place), null,
                new RpisTimes(times.get(ResourceStatus.DEPART), times.get(ResourceStatus.ARRIVEE), times.get(ResourceStatus.TRANSP),
                        times.get(ResourceStatus.DESTIN), available, times.get(ResourceStatus.REN_BASE)),
                null, diagnosis == null || diagnosis.isBlank() ? null : diagnosis, null);
        return new Rpis(context, regulation, patient, intervention, new RpisOrientation(null, null, null));
    }

    /** The record with the crew's answers in place of what the prefill found (or did not). */
    public static Rpis complete(Rpis draft, Answers a) {
        RpisContext x = draft.context();
        RpisContext context = new RpisContext(x.orgId(), x.senderCaseId(), x.creationDate(), or(a.decisionDate(), x.decisionDate()),
                x.ressourceFinessGeo(), x.ressourceFinessLegal(), x.ressourceStructure());
        RpisRegulation r = draft.regulation();
        RpisRegulation regulation = new RpisRegulation(or(a.whatsHappen(), r.whatsHappen()), or(a.healthMotive(), r.healthMotive()),
                or(a.medicalLevel(), r.medicalLevel()));
        RpisPatient p = draft.patient();
        RpisPatient patient = new RpisPatient(p.patientId(), or(blankToNull(a.birthDate()), p.birthDate()), or(a.sex(), p.sex()),
                or(home(a.home()), p.residentialAddress()));
        RpisIntervention i = draft.intervention();
        RpisLocation l = i.location();
        RpisLocation location = new RpisLocation(or(blankToNull(a.locationType()), l.type()),
                or(blankToNull(a.locationFiness()), l.finessGeo()), or(blankToNull(a.locationService()), l.service()),
                place(l.detailedAddress(), a));
        RpisTimes t = i.smurStatus();
        RpisTimes s = a.times() == null ? new RpisTimes(null, null, null, null, null, null) : a.times();
        RpisTimes times = new RpisTimes(or(s.departSmur(), t.departSmur()), or(s.arrivedSmur(), t.arrivedSmur()),
                or(s.departLocation(), t.departLocation()), or(s.arrivedDestination(), t.arrivedDestination()),
                or(s.teamAvailable(), t.teamAvailable()), or(s.returnSmur(), t.returnSmur()));
        RpisIntervention intervention = new RpisIntervention(location, or(a.team(), i.team()), times, i.procedure(),
                or(blankToNull(a.mainDiagnosis()), i.mainDiagnosis()), i.associatedDiagnosis());
        RpisOrientation o = draft.orientation();
        return new Rpis(context, regulation, patient, intervention,
                new RpisOrientation(or(blankToNull(a.orientationType()), o.type()), or(a.destination(), o.destination()),
                        or(decision(a.transport()), o.decision())));
    }

    /**
     * The place's town: the code stated, else the prefill's; its name goes with its code: the name stated when the
     * crew states the place (its code, its name or both), the prefill's only when it states neither. Another code
     * without a name leaves the name missing, named (never the case's name on another town); a name without any
     * code is not the place's.
     */
    private static InseeAddress place(InseeAddress prefilled, Answers a) {
        String code = or(blankToNull(a.inseeCode()), prefilled.inseeCode());
        boolean stated = blankToNull(a.inseeCode()) != null || blankToNull(a.placeCity()) != null;
        return new InseeAddress(code, code == null ? null : stated ? blankToNull(a.placeCity()) : prefilled.city());
    }

    /** The home town as stated, half said too (then named by {@link #missing}); null when neither part is. */
    private static InseeAddress home(Town t) {
        if (t == null || blankToNull(t.inseeCode()) == null && blankToNull(t.city()) == null) {
            return null;
        }
        return new InseeAddress(blankToNull(t.inseeCode()), blankToNull(t.city()));
    }

    /** The transport as stated, half said too (then named by {@link #missing}); null when none of its parts is. */
    private static RpisDecision decision(Transport t) {
        if (t == null || blankToNull(t.resourceType()) == null && blankToNull(t.vehicleType()) == null && t.medicalLevel() == null) {
            return null;
        }
        return new RpisDecision(blankToNull(t.resourceType()), blankToNull(t.vehicleType()), t.medicalLevel());
    }

    /**
     * The required values the record still lacks, by their RPIS path ({@code patient.birthDate}), in the
     * record's order, then the parts that go together said without the others: the transport
     * ({@code orientation.decision}) and the patient's home town ({@code patient.residentialAddress}); empty
     * when it can be sent.
     */
    public static List<String> missing(Rpis r) {
        Map<String, Function<Rpis, Object>> required = new LinkedHashMap<>();
        required.put("context.creationDate", x -> x.context().creationDate());
        required.put("context.decisionDate", x -> x.context().decisionDate());
        required.put("context.ressourceFinessLegal", x -> x.context().ressourceFinessLegal());
        required.put("context.ressourceFinessGeo", x -> x.context().ressourceFinessGeo());
        required.put("context.ressourceStructure", x -> x.context().ressourceStructure());
        required.put("regulation.whatsHappen", x -> x.regulation().whatsHappen());
        required.put("regulation.healthMotive", x -> x.regulation().healthMotive());
        required.put("regulation.medicalLevel", x -> x.regulation().medicalLevel());
        required.put("patient.birthDate", x -> x.patient().birthDate());
        required.put("patient.sex", x -> x.patient().sex());
        required.put("intervention.location.detailedAddress.inseeCode", x -> x.intervention().location().detailedAddress().inseeCode());
        required.put("intervention.location.detailedAddress.city", x -> x.intervention().location().detailedAddress().city());
        required.put("intervention.team", x -> x.intervention().team());
        required.put("intervention.smurStatus.departSmur", x -> x.intervention().smurStatus().departSmur());
        required.put("intervention.smurStatus.teamAvailable", x -> x.intervention().smurStatus().teamAvailable());
        required.put("intervention.smurStatus.returnSmur", x -> x.intervention().smurStatus().returnSmur());
        required.put("intervention.mainDiagnosis", x -> x.intervention().mainDiagnosis());
        required.put("orientation.type", x -> x.orientation().type());
        List<String> missing = new ArrayList<>();
        required.forEach((path, value) -> {
            Object v = value.apply(r);
            if (v == null || v instanceof String s && s.isBlank()) {
                missing.add(path);
            }
        });
        RpisDecision transport = r.orientation().decision();
        if (transport != null && (blank(transport.resourceType()) || blank(transport.vehicleType()) || transport.medicalLevel() == null)) {
            missing.add("orientation.decision");
        }
        InseeAddress home = r.patient().residentialAddress();
        if (home != null && (blank(home.inseeCode()) || blank(home.city()))) {
            missing.add("patient.residentialAddress");
        }
        return missing;
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    private static <T> T or(T first, T second) {
        return first != null ? first : second;
    }
}
