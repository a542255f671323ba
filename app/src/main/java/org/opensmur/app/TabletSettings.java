package org.opensmur.app;

import java.nio.file.Path;
import org.opensmur.core.hub.transport.HubConfig;
import org.opensmur.store.crypto.StoreKeyProvider;
import org.opensmur.store.rpis.RpisPrefill;

/**
 * What one tablet is: its Hub link, its store, and the SMUR resource it stands for. {@code storeKeys}: how the store
 * opens; null when the crew unlocks it with the tablet's PIN (the unlock screen then gives it). {@code lrmId} and
 * {@code oruId} come from the Hub settings (LRM_CLIENT_ID, ORU_CLIENT_ID); {@code RPIS_TO_LRM=true} also sends
 * the RPIS record to the LRM. {@code tileFolder}: map tiles laid out {@code z/x/y.png} (may be null).
 */
public record TabletSettings(
        HubConfig hub,
        Path storeFolder,
        StoreKeyProvider storeKeys,
        String resourceId,
        String vehicleType,
        String vehicleName,
        String crewName,
        RpisPrefill.Unit unit,
        Path tileFolder,
        boolean rpisToLrm) {

    /** RPIS to the ORU only (the usual set-up; some regions want the LRM to get a copy: {@code rpisToLrm}). */
    public TabletSettings(HubConfig hub, Path storeFolder, StoreKeyProvider storeKeys, String resourceId, String vehicleType,
                          String vehicleName, String crewName, RpisPrefill.Unit unit, Path tileFolder) {
        this(hub, storeFolder, storeKeys, resourceId, vehicleType, vehicleName, crewName, unit, tileFolder, false);
    }

    /** Whether the crew unlocks the store with its PIN (no key given by an integrator's setting). */
    public boolean unlockedByPin() {
        return storeKeys == null;
    }

    /** The same tablet, its store opened by {@code keys} (what the unlock screen gives once the PIN is right). */
    public TabletSettings withStoreKeys(StoreKeyProvider keys) {
        return new TabletSettings(hub, storeFolder, keys, resourceId, vehicleType, vehicleName, crewName, unit, tileFolder, rpisToLrm);
    }

    /**
     * The tablet on {@code hub}: its resource id from its client id. The unit's identity (SAMU 44's FINESS
     * numbers, vehicle and crew names) is still the demo's, here in one place until the shift set-up
     * screen gives it (recette issue).
     */
    public static TabletSettings of(HubConfig hub, Path storeFolder, StoreKeyProvider keys, Path tiles, boolean rpisToLrm) {
        String resource = "fr.health.samu440.resource." + hub.clientId().replaceAll("[^A-Za-z0-9_-]", "-");
        return new TabletSettings(hub, storeFolder, keys, resource, "SMUR", "VLM 1", "Équipe SMUR 1",
                new RpisPrefill.Unit("fr.health.samu440", "440000271", "440000289", "0"), tiles, rpisToLrm);
    }

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
