package org.opensmur.oru.store;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * One row per consolidated record, its latest values. The columns, in order (CSV header = names):
 * <ul>
 *   <li>{@code smur_unit} FINESS géographique and structure of the SMUR ({@code 440000289-0}),
 *       {@code org_id} the SAMU, {@code case_id} its case, {@code month} of the decision, {@code versions}
 *       received, {@code completeness} (0-1), {@code missing} and {@code doubtful} (fields, {@code ;}
 *       separated), {@code conflicts} (fields the tablet and the LRM disagree on), {@code other_units} (how many
 *       other SMUR units hold a record of the same patient of the same mission: 0 usually; such records are to
 *       review, each counted in its own row);</li>
 *   <li>then one column per field below, named by its path in the RS-RPIS record;</li>
 *   <li>identity fields ({@code patient_id}, {@code birth_date}, the residence's INSEE code and city) only
 *       when the export is made for a role that may see them; otherwise the columns are left out.</li>
 * </ul>
 */
public final class Export {

    public enum Format { CSV, JSONL }

    /** The record's fields exported, by JSON pointer; the column is the pointer without its first slash. */
    public static final List<String> FIELDS = List.of(
            "/context/decisionDate", "/context/creationDate", "/context/ressourceFinessLegal",
            "/regulation/whatsHappen/code", "/regulation/healthMotive/code", "/regulation/medicalLevel",
            "/patient/sex", "/intervention/location/type", "/intervention/location/detailedAddress/inseeCode",
            "/intervention/team/doctor", "/intervention/team/nurse", "/intervention/team/driver",
            "/intervention/smurStatus/departSmur", "/intervention/smurStatus/arrivedSmur",
            "/intervention/smurStatus/departLocation", "/intervention/smurStatus/arrivedDestination",
            "/intervention/smurStatus/teamAvailable", "/intervention/smurStatus/returnSmur",
            "/intervention/procedure", "/intervention/mainDiagnosis", "/intervention/associatedDiagnosis",
            "/orientation/type", "/orientation/destination/finess", "/orientation/destination/destinationCategory",
            "/orientation/decision/resourceType", "/orientation/decision/vehicleType", "/orientation/decision/medicalLevel");

    /** Identity fields: exported only for a role that may see them. */
    public static final List<String> IDENTITY = List.of("/patient/patientId", "/patient/birthDate",
            "/patient/residentialAddress/inseeCode", "/patient/residentialAddress/city");

    private static final ObjectMapper JSON = new ObjectMapper();

    private Export() {
    }

    /** Writes the records decided in [{@code from}, {@code to}); returns how many rows. */
    public static int write(OruStore store, Instant from, Instant to, Format format, boolean identities, Writer out) {
        List<String> fields = new ArrayList<>(FIELDS);
        if (identities) {
            fields.addAll(IDENTITY);
        }
        List<String> columns = new ArrayList<>(List.of("smur_unit", "org_id", "case_id", "month", "versions", "completeness",
                "missing", "doubtful", "conflicts", "other_units"));
        fields.forEach(f -> columns.add(f.substring(1)));
        int[] rows = {0};
        try {
            if (format == Format.CSV) {
                out.write(String.join(",", columns) + "\r\n");
            }
            store.eachRecord(from, to, row -> {
                Views.RecordSummary s = row.summary();
                List<Object> values = new ArrayList<>(List.of(s.key().smurUnit(), s.key().orgId(), s.key().caseId(), s.month(),
                        s.versions(), Math.round(s.completeness() * 1000) / 1000.0, String.join(";", s.missing()),
                        String.join(";", s.doubtful()), s.conflicts(), s.otherUnits().size()));
                for (String f : fields) {
                    JsonNode v = row.record().at(f);
                    values.add(v.isMissingNode() ? null : v.isValueNode() ? v.asText() : v.toString());
                }
                try {
                    if (format == Format.CSV) {
                        List<String> cells = values.stream().map(Export::cell).toList();
                        out.write(String.join(",", cells) + "\r\n");
                    } else {
                        ObjectNode line = JSON.createObjectNode();
                        for (int i = 0; i < columns.size(); i++) {
                            line.set(columns.get(i), JSON.valueToTree(values.get(i)));
                        }
                        out.write(JSON.writeValueAsString(line) + "\n");
                    }
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
                rows[0]++;
            });
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return rows[0];
    }

    /**
     * RFC 4180 quoting; a missing value is an empty cell. Text a spreadsheet would take for a formula (first
     * character = + - @, tab or carriage return) gets a single quote first (OWASP's CSV injection advice): a
     * sender's free text is shown, never run. Only text: the counts and the completeness are numbers, written
     * as such; no exported RS-RPIS field is a number, and its dates and codes never start with those characters.
     */
    static String cell(Object value) {
        if (value == null) {
            return "";
        }
        String text = value.toString();
        if (value instanceof CharSequence && !text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0) {
            text = "'" + text;
        }
        return text.matches("(?s).*[\",\r\n].*") ? "\"" + text.replace("\"", "\"\"") + "\"" : text;
    }
}
