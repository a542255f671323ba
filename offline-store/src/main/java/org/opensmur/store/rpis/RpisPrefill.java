package org.opensmur.store.rpis;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.Map;
import org.opensmur.core.mission.HealthMotive;
import org.opensmur.core.mission.MedicalLevel;
import org.opensmur.core.mission.Sex;
import org.opensmur.core.mission.WhatsHappen;
import org.opensmur.core.rpis.InseeAddress;
import org.opensmur.core.rpis.Rpis;
import org.opensmur.core.rpis.RpisContext;
import org.opensmur.core.rpis.RpisIntervention;
import org.opensmur.core.rpis.RpisLocation;
import org.opensmur.core.rpis.RpisOrientation;
import org.opensmur.core.rpis.RpisPatient;
import org.opensmur.core.rpis.RpisRegulation;
import org.opensmur.core.rpis.RpisTeam;
import org.opensmur.core.rpis.RpisTimes;
import org.opensmur.core.status.ResourceStatus;
import org.opensmur.store.cases.CaseStore;

/**
 * The RPIS record as far as the tablet knows it: the case as shared by the SAMU, the status times the
 * crew tapped and the bilan's main diagnosis. What the case does not say is left for the crew to fill
 * (the defaults are the RPIS "unknown" values, never invented facts).
 */
public final class RpisPrefill {

    private RpisPrefill() {
    }

    /** The SMUR's own identifiers for the RPIS context (FINESS numbers and the SMUR code). */
    public record Unit(String orgId, String finessGeo, String finessJuridical, String smurCode) {
    }

    public static Rpis from(CaseStore.CaseView view, Map<ResourceStatus, OffsetDateTime> times, String diagnosis, Unit unit) {
        JsonNode c = view == null ? MissingNode.getInstance() : view.current();
        String caseId = view == null ? "" : view.caseId();
        String senderCaseId = c.at("/senderCaseId").asText(caseId.substring(caseId.lastIndexOf('.') + 1));
        OffsetDateTime decided = times.get(ResourceStatus.DEPART);
        RpisContext context = new RpisContext(unit.orgId(), senderCaseId,
                c.at("/creation").isTextual() ? OffsetDateTime.parse(c.at("/creation").asText()) : decided, decided,
                unit.finessGeo(), unit.finessJuridical(), unit.smurCode());
        RpisRegulation regulation = new RpisRegulation(
                new WhatsHappen(c.at("/qualification/whatsHappen/code").asText("C11.06.00"), c.at("/qualification/whatsHappen/label").asText("Malaise")),
                new HealthMotive(c.at("/qualification/healthMotive/code").asText("M01.00"), c.at("/qualification/healthMotive/label").asText("Autre")),
                MedicalLevel.MED);
        String sex = c.at("/patient/0/identity/strictFeatures/sex").asText("UN");
        RpisPatient patient = new RpisPatient(c.at("/patient/0/patientId").asText(unit.orgId() + ".patient.1"),
                c.at("/patient/0/identity/strictFeatures/birthDate").asText("1900-01-01"),
                Arrays.stream(Sex.values()).filter(x -> x.code().equals(sex)).findFirst().orElse(Sex.UN), null);
        InseeAddress place = new InseeAddress(c.at("/location/city/inseeCode").asText(""), c.at("/location/city/name").asText(""));
        OffsetDateTime end = times.getOrDefault(ResourceStatus.RETOUR,
                times.getOrDefault(ResourceStatus.FINPEC, times.get(ResourceStatus.FINMED)));
        RpisIntervention intervention = new RpisIntervention(new RpisLocation(null, null, null, place), new RpisTeam(true, true, true),
                new RpisTimes(decided, times.get(ResourceStatus.ARRIVEE), times.get(ResourceStatus.TRANSP),
                        times.get(ResourceStatus.DESTIN), end, end),
                null, diagnosis, null);
        return new Rpis(context, regulation, patient, intervention, new RpisOrientation("OK", null, null));
    }
}
