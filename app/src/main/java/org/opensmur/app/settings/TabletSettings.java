package org.opensmur.app.settings;

import java.nio.file.Path;
import org.opensmur.core.hub.transport.HubConfig;
import org.opensmur.store.crypto.StoreKeyProvider;
import org.opensmur.tablet.rpis.RpisPrefill;

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

    /**
     * Where the coded lists a SAMU installs are kept ({@code nomenclatures/} in the store's folder: the tablet's
     * data folder, owner only; on a device, the app's private storage).
     */
    public Path nomenclatureFolder() {
        return nomenclatureFolder(storeFolder);
    }

    /** The coded lists' folder of the tablet whose store is in {@code storeFolder}. */
    public static Path nomenclatureFolder(Path storeFolder) {
        return storeFolder.resolve("nomenclatures");
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
     * The tablet on {@code hub}: its organisation and resource id from its client id (the Hub's identity of
     * this tablet: {@code fr.health.samu440.smur.vlm1} is of {@code fr.health.samu440}). Vehicle, team and
     * the unit's FINESS numbers are the crew's, from the shift set-up screen: none is written in code.
     */
    public static TabletSettings of(HubConfig hub, Path storeFolder, StoreKeyProvider keys, Path tiles, boolean rpisToLrm) {
        String orgId = organisation(hub.clientId());
        String resource = orgId + ".resource." + hub.clientId().replaceAll("[^A-Za-z0-9_-]", "-");
        return new TabletSettings(hub, storeFolder, keys, resource, "SMUR", null, null, new RpisPrefill.Unit(orgId, null, null, null),
                tiles, rpisToLrm);
    }

    /** The organisation a Hub client id belongs to: its first three parts. */
    static String organisation(String clientId) {
        String[] parts = clientId.split("\\.");
        return parts.length >= 3 ? parts[0] + "." + parts[1] + "." + parts[2] : clientId;
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
