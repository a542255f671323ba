package org.opensmur.hubsim.lrm;

import java.time.Duration;
import java.util.List;

/** What a scenario expected and what came, for people: one line per expectation. */
public record ScenarioReport(String scenario, List<Line> lines) {

    public enum Verdict { ARRIVED, LATE, MISSING }

    public record Line(String expected, Verdict verdict, Duration after) {
        @Override
        public String toString() {
            return String.format("%-8s %-28s %s", verdict, expected,
                    after == null ? "" : "after " + after.toMillis() + " ms");
        }
    }

    public boolean complete() {
        return lines.stream().allMatch(l -> l.verdict() == Verdict.ARRIVED);
    }

    @Override
    public String toString() {
        StringBuilder text = new StringBuilder("Scenario " + scenario + ": " + (complete() ? "complete" : "INCOMPLETE") + "\n");
        lines.forEach(l -> text.append("  ").append(l).append('\n'));
        return text.toString();
    }
}
