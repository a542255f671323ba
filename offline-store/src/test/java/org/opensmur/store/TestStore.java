package org.opensmur.store;

import org.opensmur.core.testing.MutableClock;

import java.nio.file.Path;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import org.opensmur.core.geo.Coordinates;
import org.opensmur.core.geo.Position;
import org.opensmur.core.hub.codec.HubCodec;
import org.opensmur.core.hub.message.DistributionStatus;
import org.opensmur.core.hub.validation.ModelLine;
import org.opensmur.core.outgoing.Built;
import org.opensmur.core.outgoing.Expiry;
import org.opensmur.core.outgoing.OutgoingMessages;
import org.opensmur.core.status.ResourceStatus;
import org.opensmur.store.outbox.OutboxPolicy;
import org.opensmur.store.testing.TestKeys;

/** A store in a temporary folder, with a movable clock and the tablet's message builders. */
public final class TestStore {

    public static final String TABLET = "fr.health.samu440.smur.vlm4";
    public static final String LRM = "fr.health.samu440";
    public static final String CASE_A = "fr.health.samu440.DRFR154402414300123";
    public static final String CASE_B = "fr.health.samu440.DRFR154402414300456";
    public static final String VLM4 = "fr.health.samu440.resource.VLM4";
    public static final char[] SECRET = "correct horse battery staple".toCharArray();

    public final MutableClock clock = new MutableClock(Instant.parse("2025-05-26T11:00:00Z"));
    public final HubCodec codec;
    public final OutgoingMessages out;
    public final OfflineStore store;
    private int ids;

    public TestStore(Path folder) {
        this(folder, OutboxPolicy.defaults());
    }

    public TestStore(Path folder, OutboxPolicy policy) {
        this(folder, policy, TABLET);
    }

    public TestStore(Path folder, OutboxPolicy policy, String tabletId) {
        this(folder, policy, tabletId, ModelLine.CURRENT);
    }

    /** A store whose tablet speaks {@code line} (that of its vhost). */
    public TestStore(Path folder, OutboxPolicy policy, String tabletId, ModelLine line) {
        codec = HubCodec.of(line);
        out = new OutgoingMessages(tabletId, clock, () -> "m" + String.format("%05d", ++ids), Expiry.defaults(),
                DistributionStatus.ACTUAL, codec);
        store = OfflineStore.open(folder, keys(), out, codec, policy, clock);
    }

    /** The test store's key, {@link #SECRET} at the cheap cost ({@link TestKeys}): these tests are not about the cost. */
    public static org.opensmur.store.crypto.StoreKeyProvider keys() {
        return TestKeys.secret(SECRET);
    }

    public Built status(String caseId, ResourceStatus status) {
        return out.statusChange(caseId, VLM4, status, OffsetDateTime.now(clock), null, LRM);
    }

    public Built position(double lat) {
        return out.positions(List.of(new Position(VLM4, OffsetDateTime.now(clock), new Coordinates(lat, -1.55, null),
                50.0, null, null, null, null, null, null, null)), LRM);
    }
}
