package org.opensmur.app;

import org.opensmur.app.settings.TabletSettings;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opensmur.core.hub.transport.HubConfig;

/** A tablet's identity comes from its Hub settings and its crew, never from code. */
class TabletSettingsTest {

    @TempDir
    Path dir;

    @Test
    void theOrganisationIsTheClientIdsAndTheUnitIsTheCrewsToEnter() {
        Map<String, String> hub = new java.util.HashMap<>(Map.of("HUB_HOSTNAME", "127.0.0.1", "HUB_PORT", "5671", "VHOST", "15-smur_v1.7",
                "CLIENT_ID", "fr.health.samu690.smur.vlm3", "LRM_CLIENT_ID", "fr.health.samu690", "PLAIN_AMQP", "true"));
        TabletSettings settings = TabletSettings.of(HubConfig.load(null, hub).orElseThrow(), dir, null, null, false);
        assertEquals("fr.health.samu690", settings.unit().orgId(), "the Rhône's tablet is the Rhône's, not SAMU 44's");
        assertEquals("fr.health.samu690.resource.fr-health-samu690-smur-vlm3", settings.resourceId());
        assertNull(settings.unit().finessJuridical(), "the unit's FINESS is entered at the shift set-up");
        assertNull(settings.vehicleName());
    }
}
