package org.opensmur.core.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.opensmur.core.conformance.SharedCorpus;
import org.opensmur.core.hub.codec.Decoded;
import org.opensmur.core.hub.codec.HubCodec;
import org.opensmur.core.hub.message.MessageType;
import org.opensmur.core.outgoing.OutgoingMessages;

/**
 * Decode + validate throughput on the official examples (wrapped in whole envelopes), ours against the
 * official schema run by networknt (parse + validate) on the same bytes in the same run.
 * Rounds alternate between the two so that JIT and machine noise hit both alike. Run: bin/bench codec
 */
public final class CodecBenchmark {

    private static final int ROUNDS = 7;
    private static final long ROUND_NANOS = 1_500_000_000L;

    private CodecBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        HubCodec codec = new HubCodec();
        ObjectMapper plain = new ObjectMapper();
        JsonSchema official = SharedCorpus.officialEnvelopeSchema();
        List<byte[]> messages = wrappedExamples(codec);
        long bytes = messages.stream().mapToLong(m -> m.length).sum();
        System.out.printf("Codec benchmark: %d official examples as whole messages (%d bytes on average), JDK %s%n",
                messages.size(), bytes / messages.size(), Runtime.version());

        Workload ours = () -> {
            int valid = 0;
            for (byte[] message : messages) {
                Decoded decoded = codec.decode(message);
                valid += decoded.isValid() ? 1 : 0;
            }
            return valid;
        };
        Workload schema = () -> {
            int valid = 0;
            for (byte[] message : messages) {
                valid += official.validate(plain.readTree(message)).isEmpty() ? 1 : 0;
            }
            return valid;
        };
        if (ours.run() != messages.size() || schema.run() != messages.size()) {
            throw new IllegalStateException("both sides must accept every example before being timed");
        }
        System.out.println("warming up...");
        measure(ours, messages.size(), 3_000_000_000L);
        measure(schema, messages.size(), 3_000_000_000L);

        double[] oursRates = new double[ROUNDS];
        double[] schemaRates = new double[ROUNDS];
        for (int round = 0; round < ROUNDS; round++) {
            oursRates[round] = measure(ours, messages.size(), ROUND_NANOS);
            schemaRates[round] = measure(schema, messages.size(), ROUND_NANOS);
            System.out.printf("round %d: ours %,.0f msg/s, networknt %,.0f msg/s%n", round + 1, oursRates[round], schemaRates[round]);
        }
        double oursMedian = median(oursRates);
        double schemaMedian = median(schemaRates);
        System.out.printf("RESULT decode+validate (ours, parse+validate+bind): %,.0f msg/s (median of %d rounds)%n", oursMedian, ROUNDS);
        System.out.printf("RESULT official schema (networknt, parse+validate): %,.0f msg/s%n", schemaMedian);
        System.out.printf("RESULT ratio ours/networknt: %.2fx (goal: >= 3x)%n", oursMedian / schemaMedian);
    }

    private interface Workload {
        int run() throws Exception;
    }

    private static double measure(Workload workload, int perRun, long nanos) throws Exception {
        long start = System.nanoTime();
        long done = 0;
        long sink = 0;
        while (System.nanoTime() - start < nanos) {
            sink += workload.run();
            done += perRun;
        }
        if (sink < 0) {
            System.out.println(sink);
        }
        return done / ((System.nanoTime() - start) / 1e9);
    }

    public static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }

    private static List<byte[]> wrappedExamples(HubCodec codec) {
        OutgoingMessages out = OutgoingMessages.of("fr.health.samu440.smur.vlm1", Clock.systemDefaultZone());
        List<byte[]> all = new ArrayList<>();
        for (MessageType type : MessageType.values()) {
            SharedCorpus.wrappedExamples(type, out, "fr.health.samu440").forEach(m -> all.add(codec.encode(m)));
        }
        return all;
    }
}
