package org.opensmur.core.rpis;

import org.opensmur.core.hub.model.Payload;
import org.opensmur.core.hub.model.Required;

/** RS-RPIS {@code rpis}: the regional activity record of a SMUR mission. */
public record Rpis(
        @Required RpisContext context,
        @Required RpisRegulation regulation,
        @Required RpisPatient patient,
        @Required RpisIntervention intervention,
        @Required RpisOrientation orientation) implements Payload {
}
