package org.opensmur.core.rules;

import org.opensmur.core.status.ResourceStatus;
import java.util.ArrayList;
import java.util.List;
import org.opensmur.core.hub.validation.ModelLine;

/**
 * The statuses a SMUR crew taps through a mission, as the model line of its vhost names them: model 2.0
 * ends the care with {@code FINMED}, model 3 with {@code FINPEC} and adds {@code ORIENTAT} (destination
 * given to the team). One place for the app and the headless tablet.
 */
public final class StatusFlow {

    private StatusFlow() {
    }

    /** The usual order of a mission, each the expected next one after the one before. */
    public static List<ResourceStatus> sequence(ModelLine line) {
        ResourceStatus endOfCare = line.has(ResourceStatus.FINPEC) ? ResourceStatus.FINPEC : ResourceStatus.FINMED;
        return List.of(ResourceStatus.DEPART, ResourceStatus.ARRIVEE, ResourceStatus.PEC, ResourceStatus.TRANSP,
                ResourceStatus.DESTIN, endOfCare, ResourceStatus.RETOUR, ResourceStatus.RET_BASE, ResourceStatus.REN_BASE);
    }

    /** Every status the crew may tap: the sequence, the line's optional ones, and a cancellation. */
    public static List<ResourceStatus> buttons(ModelLine line) {
        List<ResourceStatus> all = new ArrayList<>(sequence(line));
        if (line.has(ResourceStatus.ORIENTAT)) {
            all.add(all.indexOf(ResourceStatus.PEC) + 1, ResourceStatus.ORIENTAT);
        }
        all.add(ResourceStatus.ANNULE);
        return List.copyOf(all);
    }

    /**
     * Whether the crew's mission is over once this status is saved: the vehicle is available again
     * ({@code RETOUR}, {@code REN-BASE}) or the engagement was cancelled ({@code ANNULE}).
     */
    public static boolean endsMission(ResourceStatus status) {
        return status == ResourceStatus.RETOUR || status == ResourceStatus.REN_BASE || status == ResourceStatus.ANNULE;
    }

    /** The status that ends the care in this line. */
    public static ResourceStatus endOfCare(ModelLine line) {
        return line.has(ResourceStatus.FINPEC) ? ResourceStatus.FINPEC : ResourceStatus.FINMED;
    }
}
