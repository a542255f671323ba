package org.opensmur.tablet;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opensmur.core.conformance.OfficialPeers;
import org.opensmur.core.conformance.SharedCorpus;
import org.opensmur.core.geo.Coordinates;
import org.opensmur.core.geo.Position;
import org.opensmur.core.hub.message.HubMessage;
import org.opensmur.core.hub.message.MessageType;
import org.opensmur.core.hub.transport.Delivery;
import org.opensmur.core.hub.transport.HubQueue;
import org.opensmur.core.outgoing.OutgoingMessages;
import org.opensmur.core.reference.ReferenceStep;
import org.opensmur.core.geo.GeoResource;
import org.opensmur.core.geo.GeoResourceCapacity;
import org.opensmur.core.geo.GeoResourceMobility;
import org.opensmur.core.geo.GeoResourceNature;
import org.opensmur.core.geo.GeoResourceType;
import org.opensmur.core.geo.GeoResourcesDetails;
import org.opensmur.core.geo.GeoResourcesRequest;
import org.opensmur.core.hub.validation.ModelLine;
import org.opensmur.core.status.ResourceStatus;
import org.opensmur.core.tablet.DeliveryState;
import org.opensmur.core.testing.MutableClock;
import org.opensmur.core.testing.FakeTransport;
import org.opensmur.store.TestStore;

class TabletCoreTest {

    @TempDir
    Path dir;

    private static final Instant TRUE_NOW = Instant.parse("2026-11-30T10:00:00Z");

    private static void deliver(TabletCore core, FakeTransport transport, HubMessage message) {
        HubQueue queue = HubQueue.of(message.distributionKind());
        transport.inbound().onDelivery(new Delivery(queue, core.outgoing().codec().encode(message), "application/json", false));
    }

    /** The composition root's threads are the ones the core works on: the relay publishes on the one it was given. */
    @Test
    void theCoreWorksOnTheThreadsItIsGiven() {
        FakeTransport fake = new FakeTransport();
        List<String> publishers = new CopyOnWriteArrayList<>();
        org.opensmur.core.hub.transport.HubTransport watched = new org.opensmur.core.hub.transport.HubTransport() {
            @Override
            public void start(org.opensmur.core.hub.transport.Inbound inbound) {
                fake.start(inbound);
            }

            @Override
            public java.util.concurrent.CompletableFuture<org.opensmur.core.hub.transport.PublishOutcome> publish(byte[] body, String id) {
                publishers.add(Thread.currentThread().getName());
                return fake.publish(body, id);
            }

            @Override
            public org.opensmur.core.hub.transport.ConnectionState state() {
                return fake.state();
            }

            @Override
            public void onStateChange(java.util.function.Consumer<org.opensmur.core.hub.transport.ConnectionState> listener) {
                fake.onStateChange(listener);
            }

            @Override
            public void close() {
                fake.close();
            }
        };
        TabletThreads threads = new TabletThreads(Runnable::run, org.opensmur.core.threads.NamedThreads.single("store-under-test"),
                org.opensmur.core.threads.NamedThreads.factory("relay-under-test"), org.opensmur.core.threads.NamedThreads.factory("link-under-test"),
                org.opensmur.core.threads.NamedThreads.scheduled("watch-under-test"));
        MutableClock clock = new MutableClock(TRUE_NOW);
        try (TabletCore core = new TabletCore(watched, TestStore.TABLET, ModelLine.CURRENT, dir, TestStore.keys(), clock, threads)) {
            core.start();
            for (ResourceStatus status : List.of(ResourceStatus.DEPART, ResourceStatus.ARRIVEE)) {
                core.send(core.outgoing().statusChange(TestStore.CASE_A, TestStore.VLM4, status, OffsetDateTime.now(clock), false, TestStore.LRM));
            }
            await().atMost(Duration.ofSeconds(10)).until(() -> publishers.size() >= 2);
            assertEquals(java.util.Set.of("relay-under-test"), java.util.Set.copyOf(publishers));
        } finally {
            threads.finish(Duration.ofSeconds(5));
        }
    }

    @Test
    void aTabletTenMinutesSlowSendsDatesTheHubAcceptsAndWarnsTheCrew() {
        MutableClock hub = new MutableClock(TRUE_NOW);
        MutableClock device = new MutableClock(TRUE_NOW.minus(Duration.ofMinutes(10)));
        FakeTransport transport = new FakeTransport();
        try (TabletCore core = new TabletCore(transport, TestStore.TABLET, org.opensmur.core.hub.validation.ModelLine.CURRENT, dir, TestStore.keys(), device)) {
            core.trust(java.util.Set.of(TestStore.LRM));
            core.start();
            OutgoingMessages lrm = OutgoingMessages.of(TestStore.LRM, hub);
            HubMessage eda = lrm.build(SharedCorpus.examplePayload(MessageType.RS_EDA, "AliceGregoireNormand.01"),
                    TestStore.TABLET).orElseThrow();
            deliver(core, transport, eda);
            hub.advance(Duration.ofSeconds(20));
            device.advance(Duration.ofSeconds(20));
            deliver(core, transport, lrm.build(SharedCorpus.examplePayload(MessageType.RS_ER, "AliceGregoireNORMAND.02"),
                    TestStore.TABLET).orElseThrow());
            // The LRM alone is one sender: the Hub's word (its error reports) makes two (see TabletClockTest).
            OutgoingMessages theHub = OutgoingMessages.of(org.opensmur.core.hub.error.HubError.HUB_ID, hub);
            HubMessage ours = core.outgoing().statusChange(TestStore.CASE_A, TestStore.VLM4, ResourceStatus.DEPART,
                    OffsetDateTime.now(hub), false, TestStore.LRM).orElseThrow();
            for (int i = 0; i < 2; i++) {
                hub.advance(Duration.ofSeconds(1));
                device.advance(Duration.ofSeconds(1));
                deliver(core, transport, theHub.errorReport(ours, org.opensmur.core.hub.error.ErrorCode.DEAD_LETTER_QUEUED, "expired").orElseThrow());
            }

            assertTrue(core.clock().skewed(), "the crew is warned: " + core.clock().offset());
            HubMessage fix = core.outgoing().positions(List.of(new Position(TestStore.VLM4, OffsetDateTime.now(core.clock()),
                    new Coordinates(47.2, -1.55, null), null, null, null, null, null, null, null, null)), TestStore.LRM).orElseThrow();
            // The Hub refuses (400) what has expired when it arrives: by the Hub's clock, this fix has minutes left.
            Duration left = Duration.between(hub.instant(), fix.dateTimeExpires().toInstant());
            assertTrue(left.compareTo(Duration.ofMinutes(4)) > 0, "left by the Hub's clock: " + left);
            Duration sentError = Duration.between(hub.instant(), fix.dateTimeSent().toInstant()).abs();
            assertTrue(sentError.compareTo(Duration.ofSeconds(5)) <= 0, "dateTimeSent off by " + sentError);
        }
    }

    @Test
    void aListenerThatFailsNeverMakesAStoredMessageComeBack() {
        MutableClock clock = new MutableClock(TRUE_NOW);
        FakeTransport transport = new FakeTransport();
        try (TabletCore core = new TabletCore(transport, TestStore.TABLET, org.opensmur.core.hub.validation.ModelLine.CURRENT, dir, TestStore.keys(), clock)) {
            List<String> seen = new CopyOnWriteArrayList<>();
            core.onEvent(event -> {
                throw new IllegalStateException("a screen that breaks");
            });
            java.util.concurrent.ExecutorService gone = java.util.concurrent.Executors.newSingleThreadExecutor();
            gone.shutdownNow();
            core.events().subscribe(org.opensmur.core.hub.client.HubEvent.class, gone, event -> seen.add("never"));
            core.onEvent(event -> seen.add(event.getClass().getSimpleName()));
            core.start();
            HubMessage eda = OutgoingMessages.of(TestStore.LRM, clock).build(
                    SharedCorpus.examplePayload(MessageType.RS_EDA, "AliceGregoireNormand.01"), TestStore.TABLET).orElseThrow();

            var disposition = transport.inbound().onDelivery(new Delivery(HubQueue.MESSAGE, core.outgoing().codec().encode(eda),
                    "application/json", false));

            // Stored and acknowledged: the broker must not give it back because a listener broke.
            assertEquals(org.opensmur.core.hub.transport.Inbound.Disposition.STORED, disposition);
            assertEquals(List.of("MessageReceived"), seen);
            assertTrue(core.store().inbox().recent(10).stream().anyMatch(r -> r.distributionId().equals(eda.distributionID())));
        }
    }

    @Test
    void anAcknowledgementFromAnotherPartyIsIgnoredAndSaidSo() {
        MutableClock clock = new MutableClock(TRUE_NOW);
        FakeTransport transport = new FakeTransport();
        transport.disconnect();
        try (TabletCore core = new TabletCore(transport, TestStore.TABLET, org.opensmur.core.hub.validation.ModelLine.CURRENT, dir, TestStore.keys(), clock)) {
            List<CoreNotice> notices = new CopyOnWriteArrayList<>();
            core.onNotice(notices::add);
            core.start();
            HubMessage status = core.outgoing().statusChange(TestStore.CASE_A, TestStore.VLM4, ResourceStatus.DEPART,
                    OffsetDateTime.now(clock), false, TestStore.LRM).orElseThrow();
            String id = core.send(core.outgoing().check(status)).distributionId();
            // The ORU says it received a status that went to the LRM and has not even left.
            HubMessage forged = OutgoingMessages.of("fr.health.test.oru", clock).reference(status, ReferenceStep.RECU).orElseThrow();
            deliver(core, transport, forged);

            assertEquals(List.of(new CoreNotice.AcknowledgementIgnored("RC-REF", id, "fr.health.test.oru")), notices);
            assertEquals(DeliveryState.QUEUED, core.store().outbox().find(id).state());
            transport.connect();
            await().atMost(Duration.ofSeconds(10)).until(() -> core.store().outbox().find(id).state() == DeliveryState.SENT);
        }
    }

    @org.junit.jupiter.params.ParameterizedTest(name = "model {0}")
    @org.junit.jupiter.params.provider.ValueSource(strings = {"2.0", "3"})
    void aGeoReqNamingTheTabletIsAnsweredWithAGeoResTheOfficialSchemaAccepts(String lineName) throws Exception {
        ModelLine line = ModelLine.named(lineName);
        MutableClock clock = new MutableClock(TRUE_NOW);
        FakeTransport transport = new FakeTransport();
        try (TabletCore core = new TabletCore(transport, TestStore.TABLET, line, dir, TestStore.keys(), clock)) {
            core.describeAs(new GeoResource(TestStore.VLM4, "fr.health.samu440", "VLM 4", GeoResourceType.SMUR,
                    GeoResourceNature.EFFECTEUR, GeoResourceMobility.VEHICULE, GeoResourceCapacity.MEDICALE, null));
            core.trust(java.util.Set.of(TestStore.LRM));
            core.start();
            OutgoingMessages lrm = OutgoingMessages.of(TestStore.LRM, clock, line);
            HubMessage other = lrm.build(new GeoResourcesRequest(List.of("fr.health.samu440.resource.VSAV1")), TestStore.TABLET).orElseThrow();
            HubMessage asked = lrm.build(new GeoResourcesRequest(List.of("fr.health.samu440.resource.VSAV1", TestStore.VLM4)),
                    TestStore.TABLET).orElseThrow();
            // Where the SMUR is, asked by a participant that is not its SAMU: acknowledged, not answered.
            HubMessage nosy = OutgoingMessages.of("fr.health.samu690.lrm", clock, line)
                    .build(new GeoResourcesRequest(List.of(TestStore.VLM4)), TestStore.TABLET).orElseThrow();
            deliver(core, transport, other);
            deliver(core, transport, nosy);
            deliver(core, transport, asked);
            await().atMost(Duration.ofSeconds(10)).until(() -> core.store().outbox().waiting() == 0 && transport.published().size() == 4);

            var codec = core.outgoing().codec();
            List<HubMessage> sent = transport.published().stream().map(p -> codec.decode(p.body()).envelope()).toList();
            List<HubMessage> answers = sent.stream().filter(m -> m.type() == MessageType.GEO_RES).toList();
            assertEquals(1, answers.size(), "one answer, to the request that names the tablet");
            HubMessage answer = answers.get(0);
            assertEquals(TestStore.LRM, answer.recipientID());
            assertEquals(TestStore.VLM4, ((GeoResourcesDetails) answer.payload()).resource().get(0).resourceId());
            assertEquals(3, sent.stream().filter(m -> m.type() == MessageType.RC_REF).count(), "every request acknowledged");
            var official = SharedCorpus.officialEnvelopeSchema(line);
            for (FakeTransport.Published published : transport.published()) {
                assertEquals(java.util.Set.of(), official.validate(codec.mapper().readTree(published.body())),
                        "the official " + lineName + " schema accepts what the tablet sent");
            }
        }
    }

    static java.util.stream.Stream<org.junit.jupiter.params.provider.Arguments> officialAcknowledgements() {
        return ModelLine.all().stream().flatMap(line -> OfficialPeers.references(line).stream()
                .map(shape -> org.junit.jupiter.params.provider.Arguments.of(line.name(), shape.name())));
    }

    /** An LRM on the official SDK acknowledges with its helper's shape (header sender = the tablet): "reçu", no error back. */
    @org.junit.jupiter.params.ParameterizedTest(name = "model {0}, {1}")
    @org.junit.jupiter.params.provider.MethodSource("officialAcknowledgements")
    void anAcknowledgementShapedByOfficialSoftwareMarksTheMessageReceived(String lineName, String shapeName) {
        ModelLine line = ModelLine.named(lineName);
        OfficialPeers.Shape shape = OfficialPeers.references(line).stream().filter(s -> s.name().equals(shapeName)).findFirst().orElseThrow();
        MutableClock clock = new MutableClock(TRUE_NOW);
        FakeTransport transport = new FakeTransport();
        try (TabletCore core = new TabletCore(transport, TestStore.TABLET, line, dir, TestStore.keys(), clock)) {
            List<CoreNotice> notices = new CopyOnWriteArrayList<>();
            core.onNotice(notices::add);
            core.start();
            HubMessage status = core.outgoing().statusChange(TestStore.CASE_A, TestStore.VLM4, ResourceStatus.DEPART,
                    OffsetDateTime.now(clock), false, TestStore.LRM).orElseThrow();
            String id = core.send(core.outgoing().check(status)).distributionId();
            await().atMost(Duration.ofSeconds(10)).until(() -> core.store().outbox().find(id).state() == DeliveryState.SENT);

            var disposition = transport.inbound().onDelivery(new Delivery(HubQueue.ACK,
                    OfficialPeers.acknowledgement(shape, status, TRUE_NOW), "application/json", false));

            assertEquals(org.opensmur.core.hub.transport.Inbound.Disposition.STORED, disposition);
            assertEquals(DeliveryState.RECEIVED, core.store().outbox().find(id).state());
            assertEquals(List.of(), notices, "nothing ignored, nothing said against the LRM");
            // What left the tablet: the status only; no error report, no acknowledgement of the acknowledgement.
            assertEquals(List.of(id), transport.published().stream().map(FakeTransport.Published::distributionId).toList());
        }
    }
}

