package org.opensmur.tablet.mission;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.opensmur.core.geo.Availability;
import org.opensmur.core.geo.Coordinates;
import org.opensmur.core.geo.EngagedStatus;
import org.opensmur.core.geo.Motion;
import org.opensmur.core.geo.Position;
import org.opensmur.core.rules.StatusFlow;
import org.opensmur.core.status.ResourceStatus;

/**
 * A GEO-POS fix as the tablet knows it, for every face (the app's position source, the headless crew): where,
 * at what height, speed and heading when the source gives them, moving or standing from that speed, and the
 * mission's state at that moment (engaged, and where in its statuses). What the tablet does not know (the engine,
 * on the ground or flying) is left out, never guessed.
 */
public final class PositionReport {

    /** Below this speed the vehicle stands: a receiver at rest wanders a few km/h. */
    static final double MOVING_KMH = 5;

    private PositionReport() {
    }

    /**
     * The fix; {@code height} (metres), {@code speedKmh} and {@code heading} are NaN when the source does not know
     * them; {@code timeline} is the mission the crew is engaged on (null: none).
     */
    public static Position of(String resourceId, Instant at, double lat, double lon, double height, double speedKmh, double heading,
                              Timeline timeline) {
        Double speed = Double.isNaN(speedKmh) ? null : speedKmh;
        Motion move = speed == null ? null : speed >= MOVING_KMH ? Motion.MOBILE : Motion.STATIQUE;
        Timeline engaged = timeline == null || timeline.shared() ? null : timeline;
        return new Position(resourceId, OffsetDateTime.ofInstant(at, ZoneOffset.UTC),
                new Coordinates(lat, lon, Double.isNaN(height) ? null : height), speed, Double.isNaN(heading) ? null : heading,
                move, null, null, availability(engaged), engagedStatus(engaged), null);
    }

    /** Engaged: unavailable until a status that frees the crew (RETOUR, REN-BASE, ANNULE); no mission: not known here. */
    static Availability availability(Timeline engaged) {
        if (engaged == null) {
            return null;
        }
        return freed(engaged) ? Availability.DISPONIBLE : Availability.INDISPONIBLE;
    }

    private static boolean freed(Timeline engaged) {
        return engaged.standing().stream().anyMatch(t -> StatusFlow.endsMission(t.status()));
    }

    /** Where the engaged crew stands in its mission, by its last status that stands (none yet: alerted). */
    static EngagedStatus engagedStatus(Timeline engaged) {
        if (engaged == null) {
            return null;
        }
        ResourceStatus last = engaged.last().map(Tap::status).orElse(ResourceStatus.DECISION);
        return switch (last) {
            case DECISION, DECLENCHE -> EngagedStatus.ALERTEE;
            case DEPART -> EngagedStatus.PARTIE;
            case ARRIVEE, PEC, BILAN, ORIENTAT -> EngagedStatus.ARRIVEE_LIEU;
            case TRANSP, ETAPE1, TRANSP2, ETAPE2, TRANSP3 -> EngagedStatus.TRANSPORT_DESTINATION;
            case DESTIN -> EngagedStatus.ARRIVEE_DESTINATION;
            case FINPEC, FINMED -> EngagedStatus.FIN_MED;
            case RETOUR -> EngagedStatus.QUITTE_DESTINATION;
            case RET_BASE -> freed(engaged) ? EngagedStatus.RETOUR_DISPONIBLE : EngagedStatus.RETOUR_INDISPONIBLE;
            case REN_BASE -> EngagedStatus.ARRIVEE_CENTRE;
            case ANNULE -> null; // no longer engaged
        };
    }
}
