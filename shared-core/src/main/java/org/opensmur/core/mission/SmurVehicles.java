package org.opensmur.core.mission;

import java.util.Map;
import java.util.Optional;
import org.opensmur.core.geo.GeoResourceCapacity;
import org.opensmur.core.geo.GeoResourceMobility;

/**
 * What the Hub's vehicle types (nomenclature typeVecteur, its SMUR branch) say of a SMUR vehicle: whether it
 * carries a patient ("Transporte" / "Ne transporte pas" in the official list) and how it moves. A type this
 * table does not know says nothing: nothing is inferred for it. {@code SmurVehiclesTest} holds the table to the
 * official list beside the project, so a vehicle type the Hub adds fails there until it is said here.
 */
public final class SmurVehicles {

    private record Kind(boolean carries, GeoResourceMobility mobility) {
    }

    /** mobility null: the official GEO-RES has no word for it (an aeroplane). */
    private static final Map<String, Kind> KINDS = Map.ofEntries(
            Map.entry("SMUR.VLM", new Kind(false, GeoResourceMobility.VEHICULE)),
            Map.entry("SMUR.VL", new Kind(false, GeoResourceMobility.VEHICULE)),
            Map.entry("SMUR.PSM1", new Kind(false, GeoResourceMobility.VEHICULE)),
            Map.entry("SMUR.PSM2", new Kind(false, GeoResourceMobility.VEHICULE)),
            Map.entry("SMUR.PSM3", new Kind(false, GeoResourceMobility.VEHICULE)),
            Map.entry("SMUR.PSMP", new Kind(false, GeoResourceMobility.VEHICULE)),
            Map.entry("SMUR.VPC", new Kind(false, GeoResourceMobility.VEHICULE)),
            Map.entry("SMUR.AR", new Kind(true, GeoResourceMobility.VEHICULE)),
            Map.entry("SMUR.AR-BAR", new Kind(true, GeoResourceMobility.VEHICULE)),
            Map.entry("SMUR.AR-PED", new Kind(true, GeoResourceMobility.VEHICULE)),
            Map.entry("SMUR.HELISMUR", new Kind(true, GeoResourceMobility.HELICOPTERE)),
            Map.entry("SMUR.HELISAN", new Kind(true, GeoResourceMobility.HELICOPTERE)),
            Map.entry("SMUR.AVSMUR", new Kind(true, null)),
            Map.entry("SMUR.AVSAN", new Kind(true, null)),
            Map.entry("SMUR.NAVISMUR", new Kind(true, GeoResourceMobility.SHIP)));

    private SmurVehicles() {
    }

    /** The SMUR vehicle types known here (each one of the official list's). */
    public static java.util.Set<String> known() {
        return KINDS.keySet();
    }

    /** Whether a vehicle of this type carries a patient; empty when the type is not a SMUR vehicle known here. */
    public static Optional<Boolean> carriesAPatient(String vehicleType) {
        return Optional.ofNullable(vehicleType == null ? null : KINDS.get(vehicleType)).map(Kind::carries);
    }

    /** How a vehicle of this type moves, as GEO-RES says it; empty when unknown or when GEO-RES has no word for it. */
    public static Optional<GeoResourceMobility> mobility(String vehicleType) {
        return Optional.ofNullable(vehicleType == null ? null : KINDS.get(vehicleType)).map(Kind::mobility);
    }

    /**
     * The patient transport a vehicle offers, as GEO-RES says it ("capacité de transport d'un patient"): medical or
     * paramedical by the team's level when the vehicle carries a patient; empty when it does not, or when the type
     * or the level is not known (never a capacity guessed).
     */
    public static Optional<GeoResourceCapacity> capacity(String vehicleType, MedicalLevel level) {
        if (!carriesAPatient(vehicleType).orElse(false) || level == null) {
            return Optional.empty();
        }
        return switch (level) {
            case MED -> Optional.of(GeoResourceCapacity.MEDICALE);
            case PARAMED -> Optional.of(GeoResourceCapacity.PARAMEDICALE);
            default -> Optional.empty();
        };
    }
}
