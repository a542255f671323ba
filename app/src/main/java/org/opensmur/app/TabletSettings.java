package org.opensmur.app;

import java.nio.file.Path;
import org.opensmur.core.hub.transport.HubConfig;
import org.opensmur.store.rpis.RpisPrefill;

/**
 * What one tablet is: its Hub link, its store, and the SMUR resource it stands for. {@code lrmId} and
 * {@code oruId} come from the Hub settings (LRM_CLIENT_ID, ORU_CLIENT_ID).
 */
public record TabletSettings(
        HubConfig hub,
        Path storeFolder,
        char[] storeSecret,
        String resourceId,
        String vehicleType,
        String vehicleName,
        String crewName,
        RpisPrefill.Unit unit,
        Path tileFolder) {

    public String clientId() {
        return hub.clientId();
    }

    public String lrmId() {
        return hub.lrmClientId();
    }

    public String oruId() {
        return hub.oruClientId();
    }
}
