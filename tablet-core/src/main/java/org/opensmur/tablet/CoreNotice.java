package org.opensmur.tablet;

/** What the tablet's core tells its face beyond the Hub's own events (delivered on a core thread). */
public sealed interface CoreNotice {

    /**
     * An RC-REF or error report about one of our messages from a party that message did not go to (nor the
     * Hub): nothing changed. {@code kind} is {@code RC-REF} or {@code RS-ERROR}.
     */
    record AcknowledgementIgnored(String kind, String referencedDistributionId, String from) implements CoreNotice {
    }

    /**
     * Another device with this tablet's certificate tried to connect and was refused (it said so through the
     * Hub, as this client: nobody else can): one certificate, one device.
     */
    record IdentityTriedElsewhere(java.time.Instant at) implements CoreNotice {
    }

    /** The state of the device's storage changed (space low or back, the database gone). */
    record Storage(StorageState state) implements CoreNotice {
    }

    /**
     * The mission of {@code caseId} was past its retention and is erased from the store: a face that shows it
     * forgets it, as after the crew's own "erase".
     */
    record MissionPurged(String caseId) implements CoreNotice {
    }
}
