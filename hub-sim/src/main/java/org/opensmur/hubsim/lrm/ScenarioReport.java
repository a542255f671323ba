package org.opensmur.hubsim.lrm;

import java.time.Duration;
import java.util.List;

/**
 * What a scenario expected and what came, for people: one line per expectation, and how many copies
 * arrived again under a distributionID already received (delivery is at least once; they were deduplicated).
 */
public record ScenarioReport(String scenario, List<Line> lines, int duplicates) {

    public enum Verdict { ARRIVED, LATE, MISSING }

    public record Line(String expected, Verdict verdict, Duration after) {
        @Override
        public String toString() {
            return String.format("%-8s %-28s %s", verdict, expected,
                    after == null ? "" : "after " + after.toMillis() + " ms");
        }
    }

    /**
     * This report with the acknowledgements {@code party} was owed for what it sent during the scenario:
     * one line for those that came ({@code owed} in all), one MISSING line for each that never did.
     */
    public ScenarioReport withAcknowledgementsTo(String party, int owed, List<String> missing) {
        List<Line> all = new java.util.ArrayList<>(lines);
        all.add(new Line("RC-REF to " + party + ": " + (owed - missing.size()) + " of " + owed,
                missing.isEmpty() ? Verdict.ARRIVED : Verdict.MISSING, null));
        missing.forEach(m -> all.add(new Line(m, Verdict.MISSING, null)));
        return new ScenarioReport(scenario, List.copyOf(all), duplicates);
    }

    /** Whether the mission went back to base (RETOUR arrived): then its RPIS is owed to the ORU. */
    public boolean backToBase() {
        // LATE too (replayed after the network came back): the mission went back all the same, its RPIS is owed
        return lines.stream().anyMatch(l -> l.expected().contains("RETOUR") && l.verdict() != Verdict.MISSING);
    }

    /**
     * This report with the RPIS the ORU is owed when the mission went back to base: a scenario whose ORU got
     * no record is not complete (two tablets on one identity once reported "complete" with 0 RPIS at the ORU).
     */
    public ScenarioReport withRecordAtOru(boolean arrived) {
        if (!backToBase()) {
            return this;
        }
        List<Line> all = new java.util.ArrayList<>(lines);
        all.add(new Line("RS-RPIS at the ORU", arrived ? Verdict.ARRIVED : Verdict.MISSING, null));
        return new ScenarioReport(scenario, List.copyOf(all), duplicates);
    }

    public boolean complete() {
        return lines.stream().allMatch(l -> l.verdict() == Verdict.ARRIVED);
    }

    @Override
    public String toString() {
        StringBuilder text = new StringBuilder("Scenario " + scenario + ": " + (complete() ? "complete" : "INCOMPLETE") + "\n");
        lines.forEach(l -> text.append("  ").append(l).append('\n'));
        text.append("  duplicates received (same distributionID, deduplicated): ").append(duplicates).append('\n');
        return text.toString();
    }
}
