package org.opensmur.core.hub.model;

import java.util.regex.Pattern;

/** The patterns the Hub's schemas put on identifiers and codes (model line 3.x). */
public enum HubPattern {
    CASE_ID("^([a-zA-Z0-9_-]+\\.?){4,10}$", "a case id {country}.{domain}.{organisation}.{senderCaseId}", 4, 10),
    OWNER_ID("^([a-zA-Z0-9_-]+\\.?){4,9}$", "an organisation id such as fr.health.samu440", 4, 9),
    RESOURCE_ID("^([a-zA-Z0-9_-]+\\.){3,8}resource(\\.[a-zA-Z0-9_-]+){1,2}$", "a resource id {orgId}.resource.{id}"),
    PATIENT_ID("^([a-zA-Z0-9_-]+\\.){3,8}patient(\\.[a-zA-Z0-9_-]+){1,2}$", "a patient id {orgId}.patient.{n}"),
    REQUEST_ID("^([a-zA-Z0-9_-]+\\.){3,8}request(\\.[a-zA-Z0-9_-]+){1,2}$", "a request id {orgId}.request.{id}"),
    NOTE_ID("^([a-zA-Z0-9_-]+\\.){3,8}medicalNote(\\.[a-zA-Z0-9_-]+){1,2}$", "a note id {orgId}.medicalNote.{id}"),
    DATE_TIME("^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}[\\-+]\\d{2}:\\d{2}$", "a date-time yyyy-MM-ddTHH:mm:ss+HH:mm"),
    BIRTH_DATE("^\\d{4}-\\d{2}-\\d{2}$", "a date yyyy-MM-dd"),
    AGE("^P[0-9]{1,3}[YMWD]$", "an age such as P32Y, P6M, P3W or P5D"),
    INSEE_CODE("^[0-9]{5}$", "a 5-digit INSEE code"),
    PHONE("^\\+\\d{5,18}$", "a phone number +CCnnnn"),
    RISK_CODE("^R\\d{2}$", "a risk code Rnn"),
    WHATS_HAPPEN_CODE("^C\\d{2}(\\.\\d{2}){2}$", "a code Cnn.nn.nn"),
    LOCATION_KIND_CODE("^L\\d{2}(\\.\\d{2}){2}$", "a code Lnn.nn.nn"),
    HEALTH_MOTIVE_CODE("^M\\d{2}\\.\\d{2}(\\.\\d{2})?$", "a code Mnn.nn or Mnn.nn.nn"),
    DIAGNOSIS_CODE("^[A-Z]\\d{2}(\\.[\\d\\+\\-]{1,3})?$", "a diagnosis code such as O20 or S06.0"),
    LOCATION_ID("^([0-9A-Z]{2}0\\d{5}\\d|\\d{9}|\\d{14}|\\d{4}[A-Za-z])$", "a FINESS, SIREN, SIRET or APE code"),
    /** Model line 2.0 (vhost 15-smur_v1.6). */
    CASE_ID_V2("^fr(\\.[\\w-]+){3,4}$", "a case id fr.{domain}.{organisation}.{senderCaseId}"),
    /** Model line 2.0 (vhost 15-smur_v1.6). */
    RESOURCE_ID_V2("^([\\w-]+\\.){3,4}resource(\\.[\\w-]+){1,2}$", "a resource id {orgId}.resource.{id}"),
    /** Model line 2.0. */
    PATIENT_ID_V2("^([\\w-]+\\.){3,4}patient(\\.[\\w-]+){1,2}$", "a patient id {orgId}.patient.{n}"),
    /** Model line 2.0. */
    REQUEST_ID_V2("^([\\w-]+\\.){3,4}request(\\.[\\w-]+){1,2}$", "a request id {orgId}.request.{id}"),
    /** Model line 2.0. */
    NOTE_ID_V2("^([\\w-]+\\.){3,4}medicalNote(\\.[\\w-]+){1,2}$", "a note id {orgId}.medicalNote.{id}"),
    /** Model line 2.0. */
    OWNER_ID_V2("^fr(\\.[\\w-]+){2,3}$", "an organisation id such as fr.health.samu440"),
    /** Model line 2.0: the RPIS context's organisation. */
    ORG_ID_V2("^[a-z]{2,3}\\.[a-z]+\\.\\w*$", "an organisation id such as fr.health.samu440");

    private final String regex;
    private final Pattern pattern;
    private final String meaning;
    private final int minGroups;
    private final int maxGroups;

    HubPattern(String regex, String meaning) {
        this(regex, meaning, 0, 0);
    }

    /** For {@code ^([a-zA-Z0-9_-]+\\.?){min,max}$}, matched in linear time (see {@link #matchesGroups}). */
    HubPattern(String regex, String meaning, int minGroups, int maxGroups) {
        this.regex = regex;
        this.pattern = Pattern.compile(regex);
        this.meaning = meaning;
        this.minGroups = minGroups;
        this.maxGroups = maxGroups;
    }

    public String regex() {
        return regex;
    }

    /** What a person should type, for error messages. */
    public String meaning() {
        return meaning;
    }

    /** JSON Schema semantics: an unanchored search; the Hub's patterns anchor themselves. */
    public boolean matches(String value) {
        return maxGroups > 0 ? matchesGroups(value, minGroups, maxGroups) : pattern.matcher(value).find();
    }

    /**
     * {@code ^([a-zA-Z0-9_-]+\\.?){min,max}$} backtracks exponentially on a near miss (40 characters and a
     * stray '!' take seconds), so it is decided by counting instead. A string is such a sequence of groups
     * exactly when it starts with a word character, has no two dots in a row, holds nothing else, and
     * can be cut into between min and max groups: at least one group per run of word characters, at most
     * one per word character.
     */
    static boolean matchesGroups(String value, int min, int max) {
        int runs = 0;
        int wordChars = 0;
        boolean previousWasWord = false;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c == '-') {
                if (!previousWasWord) {
                    runs++;
                }
                wordChars++;
                previousWasWord = true;
            } else if (c == '.' && previousWasWord) {
                previousWasWord = false;
            } else {
                return false;
            }
        }
        return runs > 0 && runs <= max && wordChars >= min;
    }
}
