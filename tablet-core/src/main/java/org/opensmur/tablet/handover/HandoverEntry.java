package org.opensmur.tablet.handover;

import java.time.OffsetDateTime;

/**
 * One line of the handover timeline: when, what kind of fact, and the fact in words (French, as the
 * emergency department reads it: "Adrénaline 1 mg IV", "Sur les lieux", "RS-BPV · reçu par le SAMU").
 */
public record HandoverEntry(OffsetDateTime at, Kind kind, String text) {

    /** What a line says; the order is the one of two facts at the same minute. */
    public enum Kind { STATUS, VITALS, ACT, DRUG, MESSAGE }
}
