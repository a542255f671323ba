package org.opensmur.hubsim.lrm;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.opensmur.core.hub.client.HubClient;
import org.opensmur.core.hub.validation.ModelLine;
import org.opensmur.core.rules.StatusFlow;
import org.opensmur.core.hub.client.ReceivedStore;
import org.opensmur.core.hub.client.HubEvent;
import org.opensmur.core.hub.codec.Decoded;
import org.opensmur.core.hub.codec.HubCodec;
import org.opensmur.core.hub.codec.HubDates;
import org.opensmur.core.hub.message.DistributionKind;
import org.opensmur.core.hub.message.HubMessage;
import org.opensmur.core.hub.transport.HubTransport;
import org.opensmur.core.hub.transport.PublishOutcome;
import org.opensmur.core.outgoing.OutgoingMessages;
import org.opensmur.core.reference.ReferenceStep;
import org.opensmur.core.status.ResourceStatus;
import org.opensmur.core.status.ResourcesStatus;

/**
 * Plays a SAMU regulation centre on the 15-SMUR link: sends the scenario's messages to the tablet,
 * answers every functional message it receives with RC-REF steps (RECU, then INTEGRE) like a real LRM,
 * checks that the tablet acknowledged every message it was sent, and reports what came and what did not.
 */
public final class LrmSimulator implements AutoCloseable {

    private record Arrival(HubMessage message, Instant at) {
    }

    private final HubTransport transport;
    private final String tabletId;
    private final Clock clock;
    private final HubCodec codec;
    private final ModelLine line;
    private final OutgoingMessages outgoing;
    private final HubClient client;
    private final List<Arrival> arrivals = new CopyOnWriteArrayList<>();
    private final Set<String> referenced = ConcurrentHashMap.newKeySet();
    private final ReceivedStore seen = ReceivedStore.inMemory();
    /** Copies received again under a distributionID already seen (at-least-once delivery): counted, not applied. */
    private final java.util.concurrent.atomic.AtomicInteger duplicates = new java.util.concurrent.atomic.AtomicInteger();
    /** How long each expected step is waited for: the scenario's ({@code null}), or the person's pace. */
    private volatile Duration stepLimit;

    /**
     * Each expected step waits {@code limit} instead of the scenario's "within" (a person playing the crew on
     * the app takes the time a crew takes); {@code null}: the scenario's, as an automatic crew is held to.
     */
    public void stepLimit(Duration limit) {
        this.stepLimit = limit;
    }

    /** How long {@code expect} is waited for. */
    Duration within(Scenario.Expect expect) {
        Duration limit = stepLimit;
        return limit != null ? limit : expect.within();
    }
    private int runs;

    public LrmSimulator(HubTransport transport, String lrmId, String tabletId, Clock clock) {
        this(transport, lrmId, tabletId, ModelLine.CURRENT, clock);
    }

    /** An LRM on a vhost of model {@code line}: it sends and reads that line's messages. */
    public LrmSimulator(HubTransport transport, String lrmId, String tabletId, ModelLine line, Clock clock) {
        this.transport = transport;
        this.tabletId = tabletId;
        this.clock = clock;
        this.line = line;
        this.codec = HubCodec.of(line);
        this.outgoing = OutgoingMessages.of(lrmId, clock, line);
        this.client = new HubClient(transport, codec, decoded -> {
                    ReceivedStore.Outcome outcome = seen.store(decoded);
                    if (outcome != ReceivedStore.Outcome.NEW) {
                        duplicates.incrementAndGet();
                    }
                    return outcome;
                },
                HubClient.direct(transport, codec, outgoing), this::onEvent);
    }

    public void start() {
        client.start();
    }

    private void onEvent(HubEvent event) {
        switch (event) {
            case HubEvent.MessageReceived received when !received.duplicate() -> {
                arrivals.add(new Arrival(received.message(), clock.instant()));
                client.acknowledge(received.message(), ReferenceStep.INTEGRE);
            }
            case HubEvent.ReferenceReceived reference -> referenced.add(reference.referencedDistributionId());
            default -> { }
        }
    }

    /** Plays a scenario; {@code files} opens the payload files it names. */
    public ScenarioReport play(Scenario scenario, Function<String, InputStream> files) throws InterruptedException {
        Instant connectBy = clock.instant().plus(Duration.ofSeconds(60));
        while (!transport.state().isConnected() && clock.instant().isBefore(connectBy)) {
            TimeUnit.MILLISECONDS.sleep(50); // a real LRM does not play to a link that is not up yet
        }
        runs++;
        int duplicatesBefore = duplicates.get();
        Map<String, String> values = values();
        Instant start = clock.instant();
        List<ScenarioReport.Line> lines = new ArrayList<>();
        Map<String, String> sent = new LinkedHashMap<>();
        Set<HubMessage> matched = new HashSet<>();
        Map<Integer, Scenario.Expect> unmet = new LinkedHashMap<>();
        for (Scenario.Step step : scenario.steps()) {
            switch (step) {
                case Scenario.Send send -> {
                    HubMessage message = build(send, files, values);
                    PublishOutcome outcome = transport.publish(codec.encode(message), message.distributionID()).join();
                    if (!outcome.isConfirmed()) {
                        lines.add(new ScenarioReport.Line("send " + send.type() + " (" + outcome + ")", ScenarioReport.Verdict.MISSING, null));
                    }
                    sent.put(message.distributionID(), send.type().code());
                }
                case Scenario.Wait wait -> Thread.sleep(wait.duration().toMillis());
                case Scenario.Expect expect -> {
                    ScenarioReport.Line line = await(expect, values.get("caseId"), start, matched);
                    if (line.verdict() == ScenarioReport.Verdict.MISSING) {
                        unmet.put(lines.size(), expect);
                    }
                    lines.add(line);
                }
                case Scenario.ExpectReferences refs -> lines.addAll(awaitReferences(sent, refs.within(), start));
            }
        }
        // A message that came after its step gave up (the link was down, this LRM was held up) is late, not
        // missing: the report must not say a status was lost when it was only delayed.
        unmet.forEach((index, expect) -> arrivedAfter(expect, values.get("caseId"), start, matched)
                .ifPresent(late -> lines.set(index, late)));
        return new ScenarioReport(scenario.name() + " (case " + values.get("caseId") + ")", lines,
                duplicates.get() - duplicatesBefore);
    }

    private ScenarioReport.Line await(Scenario.Expect expect, String caseId, Instant start, Set<HubMessage> matched)
            throws InterruptedException {
        Instant stepStart = clock.instant();
        Duration within = within(expect);
        Instant deadline = stepStart.plus(within);
        Instant grace = deadline.plus(within.compareTo(Duration.ofSeconds(10)) < 0 ? within : Duration.ofSeconds(10));
        // Looked at once more after the grace: a process held up (suspended, a clock leap) finds the time
        // gone at once, and what came meanwhile must still be seen.
        while (true) {
            boolean last = !clock.instant().isBefore(grace);
            for (Arrival arrival : arrivals) {
                HubMessage m = arrival.message();
                if (!matched.contains(m) && !arrival.at().isBefore(start) && matches(expect, m, caseId)) {
                    matched.add(m);
                    ScenarioReport.Verdict verdict = arrival.at().isAfter(deadline) ? ScenarioReport.Verdict.LATE : ScenarioReport.Verdict.ARRIVED;
                    return new ScenarioReport.Line(described(expect), verdict, Duration.between(start, arrival.at()));
                }
            }
            if (last) {
                return new ScenarioReport.Line(described(expect), ScenarioReport.Verdict.MISSING, null);
            }
            TimeUnit.MILLISECONDS.sleep(50);
        }
    }

    /** {@code expect}'s message if it came after its step gave up on it: a LATE line. */
    private java.util.Optional<ScenarioReport.Line> arrivedAfter(Scenario.Expect expect, String caseId, Instant start,
                                                                 Set<HubMessage> matched) {
        for (Arrival arrival : arrivals) {
            HubMessage m = arrival.message();
            if (!matched.contains(m) && !arrival.at().isBefore(start) && matches(expect, m, caseId)) {
                matched.add(m);
                return java.util.Optional.of(new ScenarioReport.Line(described(expect), ScenarioReport.Verdict.LATE,
                        Duration.between(start, arrival.at())));
            }
        }
        return java.util.Optional.empty();
    }

    private boolean matches(Scenario.Expect expect, HubMessage message, String caseId) {
        if (message.type() != expect.type() || !message.senderID().equals(tabletId)) {
            return false;
        }
        String messageCase = message.caseId();
        if (messageCase != null && !messageCase.equals(caseId)) {
            return false;
        }
        return expect.status() == null
                || (message.payload() instanceof ResourcesStatus status && status.state().status() == inThisLine(expect.status()));
    }

    /** What is expected, in this line's words (FINMED on a model 2.0 vhost). */
    private String described(Scenario.Expect expect) {
        return expect.type() + (expect.status() == null ? "" : " " + inThisLine(expect.status()).code());
    }

    /** A scenario names the end of care FINPEC; on a model 2.0 vhost the tablet says FINMED. */
    private ResourceStatus inThisLine(ResourceStatus expected) {
        return (expected == ResourceStatus.FINPEC || expected == ResourceStatus.FINMED) ? StatusFlow.endOfCare(line) : expected;
    }

    private List<ScenarioReport.Line> awaitReferences(Map<String, String> sent, Duration within, Instant start)
            throws InterruptedException {
        Instant deadline = clock.instant().plus(within);
        while (clock.instant().isBefore(deadline) && !referenced.containsAll(sent.keySet())) {
            TimeUnit.MILLISECONDS.sleep(50);
        }
        List<ScenarioReport.Line> lines = new ArrayList<>();
        sent.forEach((id, type) -> lines.add(new ScenarioReport.Line("RC-REF for " + type,
                referenced.contains(id) ? ScenarioReport.Verdict.ARRIVED : ScenarioReport.Verdict.MISSING, null)));
        return lines;
    }

    private HubMessage build(Scenario.Send send, Function<String, InputStream> files, Map<String, String> values) {
        String text;
        // A payload file may have a variant for a model line: case.json, and case.v2.json for model 2.0.
        String variant = Scenario.variantFor(send.file(), line);
        InputStream preferred = variant == null ? null : files.apply(variant);
        try (InputStream in = preferred != null ? preferred : files.apply(send.file())) {
            if (in == null) {
                throw new IllegalArgumentException("no payload file " + send.file());
            }
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        for (Map.Entry<String, String> value : values.entrySet()) {
            text = text.replace("${" + value.getKey() + "}", value.getValue());
        }
        Decoded payload = codec.decode(text.getBytes(StandardCharsets.UTF_8));
        if (payload.message() == null || payload.type() != send.type()) {
            throw new IllegalArgumentException(send.file() + " is not a valid " + send.type() + ": " + payload.issues());
        }
        return outgoing.build(payload.message().payload(), tabletId,
                send.cancel() ? DistributionKind.CANCEL : send.type().defaultKind()).orElseThrow();
    }

    /** Fresh ids for each run, so that a scenario can play in a loop. */
    private Map<String, String> values() {
        OffsetDateTime now = OffsetDateTime.now(clock);
        String counter = String.format("%05d", (now.toEpochSecond() % 10_000) * 10 + runs % 10);
        String senderCaseId = "DRFR15440" + now.getYear() % 100 + String.format("%03d", now.getDayOfYear()) + counter;
        Map<String, String> values = new LinkedHashMap<>();
        values.put("senderCaseId", senderCaseId);
        values.put("caseId", "fr.health.samu440." + senderCaseId);
        values.put("patientId", "fr.health.samu440.patient." + senderCaseId + ".1");
        values.put("now", HubDates.format(now));
        return values;
    }

    /** Every copy received under a distributionID already seen, since the simulator started. */
    public int duplicates() {
        return duplicates.get();
    }

    @Override
    public void close() {
        client.close();
    }
}
