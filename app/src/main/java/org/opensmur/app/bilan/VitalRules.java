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
        String number = withoutUnit(sign, v);
        return switch (sign) {
            case HEART_RATE -> range(number, 0, 300);
            case BLOOD_PRESSURE -> pressure(number);
            case OXYGEN_SATURATION -> range(number, 0, 100);
            case RESPIRATORY_RATE -> range(number, 0, 80);
            case TEMPERATURE -> range(number, 10, 45);
            case BLOOD_GLUCOSE -> range(number, 0, 30);
            case GLASGOW -> range(number, 3, 15);
        };
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

    /** Whether a device reading it shows HI or LO past its scale (glucometers, thermometers). */
    static boolean reads(VitalSign sign) {
        return sign == VitalSign.BLOOD_GLUCOSE || sign == VitalSign.TEMPERATURE;
    }

    private static String withoutUnit(VitalSign sign, String v) {
        String unit = switch (sign) {
            case HEART_RATE, RESPIRATORY_RATE -> "(/\\s*(mn|min)|bpm|c/min)";
            case BLOOD_PRESSURE -> "mm\\s*hg";
            case OXYGEN_SATURATION -> "%";
            case TEMPERATURE -> "(°\\s*c?|c)";
            case BLOOD_GLUCOSE -> "g\\s*/\\s*l";
            case GLASGOW -> "(/\\s*15)";
        };
        return v.replaceFirst("(?i)\\s*" + unit + "$", "");
    }

    /** A value in [min, max], or a span of two ("80-110", a rate that varied), each in it, running upwards. */
    String range(String v, double min, double max) {
        String[] ends = v.split("(?<=\\d)\\s*-\\s*(?=\\d)");
        if (ends.length > 2) {
            return labels.get("bilan.error.number");
        }
        try {
            double low = Double.parseDouble(ends[0].strip().replace(',', '.'));
            double high = Double.parseDouble(ends[ends.length - 1].strip().replace(',', '.'));
            return low >= min && high <= max && low <= high ? "" : labels.format("bilan.error.range", fmt(min), fmt(max));
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
            if (systolic > 300 || diastolic > 200) {
                return labels.format("bilan.error.pressureRange", 0, 300, 0, 200);
            }
            return systolic > diastolic || systolic == 0 ? "" : labels.get("bilan.error.pressureOrder");
        }
        Matcher span = Pattern.compile("(\\d{1,3})(?:\\s*-\\s*(\\d{1,3}))?").matcher(v);
        if (span.matches() && (span.group(2) == null || Integer.parseInt(span.group(1)) <= Integer.parseInt(span.group(2)))) {
            return range(v, 0, 300).isEmpty() ? "" : labels.format("bilan.error.pressureRange", 0, 300, 0, 200);
        }
        return labels.get("bilan.error.pressure");
    }

    private static String fmt(double d) {
        return d == Math.rint(d) ? String.valueOf((long) d) : String.valueOf(d);
    }
}
