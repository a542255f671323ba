package org.opensmur.core.shift;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.opensmur.core.mission.MedicalLevel;
import org.opensmur.core.mission.OperatorRole;

/**
 * The shift set-up ("prise de garde"), entered once per shift: the vehicle, the team and its care level,
 * who is on board and in which role, the team's phone, and the SMUR unit's identity (FINESS legal and
 * geographic, structure), the type of vehicle the crew rides, and whether the SAMU asks for a copy of the RPIS.
 * The engagement reply, the bilan and the RPIS take it from here; a value not entered is absent from them,
 * never made up.
 *
 * @param vehicleType the Hub's code of the vehicle the crew rides this shift ({@code SMUR.VLM}...; null: not said)
 * @param rpisToLrm   the SAMU asks for a copy of each RPIS (besides the ORU's): a setting of the shift, so that it
 *                    can be switched on a device
 * @param centerName  the SMUR's home centre, where the vehicle is garaged (the RS-RI's {@code centerName})
 * @param centerCity  the INSEE code of that centre's commune (the RS-RI's {@code centerCity}: five digits)
 */
public record ShiftSetup(String vehicleName, String teamName, MedicalLevel medicalLevel, List<CrewMember> crew, String contactPhone,
                         String finessLegal, String finessGeo, String structure, String vehicleType, boolean rpisToLrm,
                         String centerName, String centerCity) {

    /** A set-up that names no home centre. */
    public ShiftSetup(String vehicleName, String teamName, MedicalLevel medicalLevel, List<CrewMember> crew, String contactPhone,
                      String finessLegal, String finessGeo, String structure, String vehicleType, boolean rpisToLrm) {
        this(vehicleName, teamName, medicalLevel, crew, contactPhone, finessLegal, finessGeo, structure, vehicleType, rpisToLrm, null, null);
    }

    /** A set-up that names no vehicle type and sends the RPIS to the ORU only. */
    public ShiftSetup(String vehicleName, String teamName, MedicalLevel medicalLevel, List<CrewMember> crew, String contactPhone,
                      String finessLegal, String finessGeo, String structure) {
        this(vehicleName, teamName, medicalLevel, crew, contactPhone, finessLegal, finessGeo, structure, null, false);
    }

    /** One person on board. */
    public record CrewMember(String name, OperatorRole role) {
    }

    public ShiftSetup {
        crew = crew == null ? List.of() : List.copyOf(crew);
    }

    /** The crew as the RS-RI's free text has it: "Eric AZERTY, Marie-Jo ANELI, Pierre LOUITUT". */
    public String crewLine() {
        return String.join(", ", crew.stream().map(CrewMember::name).filter(n -> n != null && !n.isBlank()).toList());
    }

    /** The first member in {@code role}, if any (the bilan's redactor is the team's physician). */
    public java.util.Optional<CrewMember> first(OperatorRole role) {
        return crew.stream().filter(m -> m.role() == role).findFirst();
    }

    /** Whether the crew, as entered, has someone in {@code role} ({@code null} when no crew is entered: not known). */
    public Boolean has(OperatorRole role) {
        return crew.isEmpty() ? null : crew.stream().anyMatch(m -> m.role() == role);
    }

    /** As the store keeps it (a flat map of strings, encrypted with the rest of the drafts). */
    public Map<String, String> toMap() {
        Map<String, String> map = new LinkedHashMap<>();
        put(map, "vehicleName", vehicleName);
        put(map, "teamName", teamName);
        put(map, "medicalLevel", medicalLevel == null ? null : medicalLevel.code());
        put(map, "contactPhone", contactPhone);
        put(map, "finessLegal", finessLegal);
        put(map, "finessGeo", finessGeo);
        put(map, "structure", structure);
        put(map, "vehicleType", vehicleType);
        put(map, "rpisToLrm", rpisToLrm ? "true" : null);
        put(map, "centerName", centerName);
        put(map, "centerCity", centerCity);
        for (int i = 0; i < crew.size(); i++) {
            put(map, "crew." + i + ".name", crew.get(i).name());
            put(map, "crew." + i + ".role", crew.get(i).role() == null ? null : crew.get(i).role().code());
        }
        return map;
    }

    public static ShiftSetup fromMap(Map<String, String> map) {
        List<CrewMember> crew = new ArrayList<>();
        for (int i = 0; map.containsKey("crew." + i + ".name"); i++) {
            String role = map.get("crew." + i + ".role");
            crew.add(new CrewMember(map.get("crew." + i + ".name"),
                    Arrays.stream(OperatorRole.values()).filter(r -> r.code().equals(role)).findFirst().orElse(null)));
        }
        String level = map.get("medicalLevel");
        return new ShiftSetup(map.get("vehicleName"), map.get("teamName"),
                Arrays.stream(MedicalLevel.values()).filter(m -> m.code().equals(level)).findFirst().orElse(null), crew,
                map.get("contactPhone"), map.get("finessLegal"), map.get("finessGeo"), map.get("structure"), map.get("vehicleType"),
                "true".equals(map.get("rpisToLrm")), map.get("centerName"), map.get("centerCity"));
    }

    private static void put(Map<String, String> map, String key, String value) {
        if (value != null && !value.isBlank()) {
            map.put(key, value.strip());
        }
    }
}
