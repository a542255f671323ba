package org.opensmur.core.bilan;

import java.util.List;

/** Clinical evaluation: procedures, diagnoses, vital signs, history and treatment. */
public record Evaluation(
        List<String> procedure,
        String mainDiagnosis,
        List<String> associatedDiagnosis,
        List<VitalMeasure> parameter,
        String medicalHistory,
        String treatment,
        List<String> freetext) {
}
