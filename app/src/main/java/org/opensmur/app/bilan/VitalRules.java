package org.opensmur.app.bilan;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.opensmur.app.ui.Labels;
import org.opensmur.core.bilan.VitalSign;

/**
 * What a vital may be, as the clinic writes it: a number or a span ("110-120"), its unit after it or not
 * ("12/mn", "96 %"), the readings of a patient in arrest or deep hypothermia (0, 18 °C), and the words a
 * monitor or a crew writes instead of a number ("imprenable"; "HI"/"LO" on a glucometer or a thermometer).
 * The ranges are what a body can show, not what is normal: a value outside them is a typing slip.
 */
final class VitalRules {

    /** Written when a vital cannot be measured (no pulse to take, a cold finger, a patient moving). */
    static final String NOT_MEASURABLE = "imprenable";

    private static final Pattern PRESSURE = Pattern.compile("(\\d{1,3})\\s*/\\s*(\\d{1,3})");

    /** How a vital is written: the unit shown beside it, the units typed after it, what a body can show. */
    record Written(String unit, String typedUnit, double min, double max) {
    }

    /** One line per vital: the single table of its unit and range (a pressure's bounds are the systolic's). */
    static Written of(VitalSign sign) {
        return switch (sign) {
            case HEART_RATE -> new Written("/min", "(/\\s*(mn|min)|bpm)", 0, 300);
            case BLOOD_PRESSURE -> new Written("mmHg", "mm\\s*hg", 0, 300);
            case OXYGEN_SATURATION -> new Written("%", "%", 0, 100);
            case RESPIRATORY_RATE -> new Written("/min", "(/\\s*(mn|min)|c/min)", 0, 80);
            case TEMPERATURE -> new Written("°C", "(°\\s*c?|c)", 10, 45);
            case BLOOD_GLUCOSE -> new Written("g/L", "g\\s*/\\s*l", 0, 30);
            case GLASGOW -> new Written("/15", "(/\\s*15)", 3, 15);
        };
    }

    private final Labels labels;

    VitalRules(Labels labels) {
        this.labels = labels;
    }

    /** The error of {@code typed} as a value of {@code sign} ("" when acceptable). */
    String check(VitalSign sign, String typed) {
        String v = typed.strip();
        if (v.equalsIgnoreCase(NOT_MEASURABLE) || reads(sign) && (v.equalsIgnoreCase("HI") || v.equalsIgnoreCase("LO"))) {
            return "";
        }
        Written written = of(sign);
        String number = v.replaceFirst("(?i)\\s*" + written.typedUnit() + "$", "");
        // the bounds said with their unit ("entre 0 et 100 %"), but a score's ("/15") goes without
        return sign == VitalSign.BLOOD_PRESSURE ? pressure(number)
                : range(number, written.min(), written.max(), sign == VitalSign.GLASGOW ? "" : written.unit());
    }

    /** The value as sent: the words in their written form, decimals with a point, the unit as typed ("12/mn"). */
    static String written(String typed) {
        String v = typed.strip();
        if (v.equalsIgnoreCase(NOT_MEASURABLE)) {
            return NOT_MEASURABLE;
        }
        if (v.equalsIgnoreCase("HI") || v.equalsIgnoreCase("LO")) {
            return v.toUpperCase(Locale.ROOT);
        }
        return v.replace(',', '.');
    }

    /**
     * A value as the crew reads it back (an earlier series, the handover): with its unit ("64/min", "96 %",
     * "120/80 mmHg"), unless it is words ("imprenable", "HI") or the crew typed its unit already ("12/mn").
     */
    static String withUnit(VitalSign sign, String value) {
        String v = value.strip();
        if (v.isEmpty() || !Character.isDigit(v.charAt(v.length() - 1))) {
            return v;
        }
        String unit = of(sign).unit();
        return v + (unit.startsWith("/") ? "" : " ") + unit;
    }

    /** Whether a device reading it shows HI or LO past its scale (glucometers, thermometers). */
    static boolean reads(VitalSign sign) {
        return sign == VitalSign.BLOOD_GLUCOSE || sign == VitalSign.TEMPERATURE;
    }

    /** A value in [min, max], or a span of two ("80-110", a rate that varied), each in it, running upwards. */
    String range(String v, double min, double max) {
        return range(v, min, max, "");
    }

    /** The same, the bounds said with {@code unit} when they are wrong ("" for none). */
    String range(String v, double min, double max, String unit) {
        String[] ends = v.split("(?<=\\d)\\s*-\\s*(?=\\d)");
        if (ends.length > 2) {
            return labels.get("bilan.error.number");
        }
        try {
            double low = Double.parseDouble(ends[0].strip().replace(',', '.'));
            double high = Double.parseDouble(ends[ends.length - 1].strip().replace(',', '.'));
            return low >= min && high <= max && low <= high ? ""
                    : (labels.format("bilan.error.range", fmt(min), fmt(max)) + (unit.isEmpty() ? "" : " " + unit));
        } catch (NumberFormatException e) {
            return labels.get("bilan.error.number");
        }
    }

    /**
     * "120/80", the systolic alone or a span of it ("80-110", taken by palpation), 0 in arrest; the systolic
     * above the diastolic. A span running downwards ("135-85") is a pressure written with a dash.
     */
    private String pressure(String v) {
        Matcher both = PRESSURE.matcher(v);
        if (both.matches()) {
            int systolic = Integer.parseInt(both.group(1));
            int diastolic = Integer.parseInt(both.group(2));
            if (systolic > SYSTOLIC.max() || diastolic > DIASTOLIC_MAX) {
                return pressureRange();
            }
            return systolic > diastolic || systolic == 0 ? "" : labels.get("bilan.error.pressureOrder");
        }
        Matcher span = Pattern.compile("(\\d{1,3})(?:\\s*-\\s*(\\d{1,3}))?").matcher(v);
        if (span.matches() && (span.group(2) == null || Integer.parseInt(span.group(1)) <= Integer.parseInt(span.group(2)))) {
            return range(v, SYSTOLIC.min(), SYSTOLIC.max()).isEmpty() ? "" : pressureRange();
        }
        return labels.get("bilan.error.pressure");
    }

    private static final Written SYSTOLIC = of(VitalSign.BLOOD_PRESSURE);
    private static final int DIASTOLIC_MAX = 200;

    private String pressureRange() {
        return labels.format("bilan.error.pressureRange", fmt(SYSTOLIC.min()), fmt(SYSTOLIC.max()), 0, DIASTOLIC_MAX);
    }

    private static String fmt(double d) {
        return d == Math.rint(d) ? String.valueOf((long) d) : String.valueOf(d);
    }
}
