package org.opensmur.tablet.care;

import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Objects;

/**
 * One act done or one drug given to a patient, at a known time (the core's clock; the crew may correct it).
 * An act carries the SMUR's ACTES_SMUR code when its catalogue gives one; a drug its dose, unit and route.
 *
 * @param id    stable over corrections of the time (one entry, never two)
 * @param code  the act's code in the SMUR's list (null: none given, the label is sent)
 * @param dose  a drug's dose as picked ("1", "0,5"); null for an act
 * @param unit  a drug's unit ("mg", "µg"); null for an act
 * @param route a drug's route ("IV", "IO"); null for an act
 */
public record CareGiven(String id, Kind kind, String label, String code, String dose, String unit, String route, OffsetDateTime at) {

    public enum Kind { ACT, DRUG }

    private static final DateTimeFormatter HOURS = DateTimeFormatter.ofPattern("HH:mm");

    public CareGiven {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(at, "at");
        if (label == null || label.isBlank()) {
            throw new IllegalArgumentException("label: an act or a drug is named");
        }
        label = label.strip();
        code = blankToNull(code);
        dose = blankToNull(dose);
        unit = blankToNull(unit);
        route = blankToNull(route);
    }

    /** An act, stamped {@code at}. */
    public static CareGiven act(String label, String code, OffsetDateTime at) {
        return new CareGiven(java.util.UUID.randomUUID().toString(), Kind.ACT, label, code, null, null, null, at);
    }

    /** A drug given, stamped {@code at}. */
    public static CareGiven drug(String name, String dose, String unit, String route, OffsetDateTime at) {
        return new CareGiven(java.util.UUID.randomUUID().toString(), Kind.DRUG, name, null, dose, unit, route, at);
    }

    /** The same, at another time (a correction by the crew). */
    public CareGiven at(OffsetDateTime corrected) {
        return new CareGiven(id, kind, label, code, dose, unit, route, corrected);
    }

    /** What an RS-BPV's {@code procedure} carries for an act: its code when the SMUR's list gives one, else its label. */
    public String procedure() {
        return code != null ? code : label;
    }

    /** A drug in words, without its time ("Adrénaline 1 mg IV"); an act's label. */
    public String what() {
        if (kind == Kind.ACT) {
            return label;
        }
        StringBuilder said = new StringBuilder(label);
        if (dose != null) {
            said.append(' ').append(dose);
        }
        if (unit != null) {
            said.append(' ').append(unit);
        }
        if (route != null) {
            said.append(' ').append(route);
        }
        return said.toString();
    }

    /** A drug as the RS-BPV's free text says it ("Adrénaline 1 mg IV 10:42"). */
    public String summary() {
        return what() + " " + HOURS.format(at);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
