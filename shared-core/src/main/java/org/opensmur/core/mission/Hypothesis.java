package org.opensmur.core.mission;

import java.util.List;

/** Diagnosis hypotheses. */
public record Hypothesis(
        Diagnosis mainDiagnosis,
        List<Diagnosis> otherDiagnosis) {
}
