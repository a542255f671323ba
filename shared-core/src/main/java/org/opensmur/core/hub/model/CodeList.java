package org.opensmur.core.hub.model;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Code lists too long or too remote from the crew's work to deserve a Java enum with labels:
 * the tablet only checks membership and shows the code. Values follow the Hub's model line 3.x.
 */
public enum CodeList {
    VEHICLE_TYPE("vehicle type",
            List.of(
            "AASC", "AASC.VLSC", "AASC.VPSP", "AASC.AUTRESC", "AUTREVEC", "AUTREVEC.APIED", "AUTREVEC.AVION",
            "AUTREVEC.PERSO", "AUTREVEC.TAXI", "AUTREVEC.TRAIN", "AUTREVEC.TRANSP", "AUTREVEC.AUTRE",
            "AUTREVEC.AUTRETRA", "FSI", "FSI.HELIFSI", "FSI.VLFSI", "FSI.FFSI", "FSI.VHFSI", "LIB",
            "LIB.MEDV", "LIB.INF", "LIB.AUTREPRO", "SIS", "SIS.DRAGON", "SIS.AVSC", "SIS.FEUSIS",
            "SIS.GRIMP", "SIS.NAVISIS", "SIS.PCSIS", "SIS.SRSIS", "SIS.VCH", "SIS.VLCG", "SIS.VLISP",
            "SIS.VLMSP", "SIS.VLSIS", "SIS.VPL", "SIS.VPMA", "SIS.VR", "SIS.VSAV", "SIS.MOYSSE",
            "SIS.AUTRESIS", "SMUR", "SMUR.VLM", "SMUR.VL", "SMUR.PSM1", "SMUR.PSM2", "SMUR.PSM3",
            "SMUR.PSMP", "SMUR.VPC", "SMUR.AR", "SMUR.AR-BAR", "SMUR.AR-PED", "SMUR.HELISMUR",
            "SMUR.HELISAN", "SMUR.AVSMUR", "SMUR.AVSAN", "SMUR.NAVISMUR", "TSU", "TSU.VSL", "TSU.AMB-GV",
            "TSU.AMB-PV", "TSU.AMB-BAR", "TSU.AMB")),
    RESOURCE_TYPE("resource type",
            List.of(
            "SMUR", "SMUR.ADULT", "SMUR.PED", "SMUR.UMH-S", "SMUR.CUMP", "HOSPIT", "LIBERAL", "LIBERAL.MG",
            "LIBERAL.PHARM", "LIBERAL.INF", "LIBERAL.KINE", "LIBERAL.SOS", "LIBERAL.MMG", "LIBERAL.MSPD",
            "LIBERAL.MCS", "LIBERAL.SPEMED", "LIBERAL.DENT", "LIBERAL.LABO", "LIBERAL.AUTREPRO", "TSU",
            "SIS", "SIS.MEDSP", "SIS.ISP", "SIS.SP", "AASC", "FDO", "FDO.PN", "FDO.GEND", "FDO.PM",
            "FDO.DOUANES", "AUTRE", "AUTRE.ADM", "AUTRE.DAE", "AUTRE.AUTRE")),
    COUNTRY("ISO 3166 country code",
            List.of(
            "AF", "AX", "AL", "DZ", "AS", "AD", "AO", "AI", "AQ", "AG", "AR", "AM", "AW", "AU", "AT", "AZ",
            "BS", "BH", "BD", "BB", "BY", "BE", "BZ", "BJ", "BM", "BT", "BO", "BA", "BW", "BV", "BR", "IO",
            "BN", "BG", "BF", "BI", "CV", "KH", "CM", "CA", "KY", "CF", "TD", "CL", "CN", "CX", "CC", "CO",
            "KM", "CG", "CK", "CR", "CI", "HR", "CU", "CW", "CY", "CZ", "DK", "DJ", "DM", "DO", "EC", "EG",
            "SV", "GQ", "ER", "EE", "SZ", "ET", "FK", "FO", "FJ", "FI", "FR", "GF", "PF", "TF", "GA", "GM",
            "GE", "DE", "GH", "GI", "GR", "GL", "GD", "GP", "GU", "GT", "GG", "GN", "GW", "GY", "HT", "HM",
            "VA", "HN", "HK", "HU", "IS", "IN", "ID", "IR", "IQ", "IE", "IM", "IL", "IT", "JM", "JP", "JE",
            "JO", "KZ", "KE", "KI", "KP", "KW", "KG", "LA", "LV", "LB", "LS", "LR", "LY", "LI", "LT", "LU",
            "MO", "MG", "MW", "MY", "MV", "ML", "MT", "MH", "MQ", "MR", "MU", "YT", "MX", "FM", "MC", "MN",
            "ME", "MS", "MA", "MZ", "MM", "NA", "NR", "NP", "NL", "NC", "NZ", "NI", "NE", "NG", "NU", "NF",
            "MK", "MP", "NO", "OM", "PK", "PW", "PA", "PG", "PY", "PE", "PH", "PN", "PL", "PT", "PR", "QA",
            "RE", "RO", "RU", "RW", "BL", "KN", "LC", "MF", "PM", "VC", "WS", "SM", "ST", "SA", "SN", "RS",
            "SC", "SL", "SG", "SX", "SK", "SI", "SB", "SO", "ZA", "GS", "SS", "ES", "LK", "SD", "SR", "SJ",
            "SE", "CH", "SY", "TJ", "TH", "TL", "TG", "TK", "TO", "TT", "TN", "TR", "TM", "TC", "TV", "UG",
            "UA", "AE", "GB", "US", "UM", "UY", "UZ", "VU", "VE", "VN", "VG", "VI", "WF", "EH", "YE", "ZM",
            "ZW")),
    LANGUAGE("ISO 639-1 language code",
            List.of(
            "aa", "ab", "ae", "af", "ak", "am", "an", "ar", "as", "av", "ay", "az", "ba", "be", "bg", "bi",
            "bm", "bn", "bo", "br", "bs", "ca", "ce", "ch", "co", "cr", "cs", "cu", "cv", "cy", "da", "de",
            "dv", "dz", "ee", "el", "en", "eo", "es", "et", "eu", "fa", "ff", "fi", "fj", "fo", "fr", "fy",
            "ga", "gd", "gl", "gn", "gu", "gv", "ha", "he", "hi", "ho", "hr", "ht", "hu", "hy", "hz", "ia",
            "id", "ie", "ig", "ii", "ik", "io", "is", "it", "iu", "ja", "jv", "ka", "kg", "ki", "kj", "kk",
            "kl", "km", "kn", "ko", "kr", "ks", "ku", "kv", "kw", "ky", "la", "lb", "lg", "li", "ln", "lo",
            "lt", "lu", "lv", "mg", "mh", "mi", "mk", "ml", "mn", "mr", "ms", "mt", "my", "na", "nb", "nd",
            "ne", "ng", "nl", "nn", "no", "nr", "nv", "ny", "oc", "oj", "om", "or", "os", "pa", "pi", "pl",
            "ps", "pt", "qu", "rm", "rn", "ro", "ru", "rw", "sa", "sc", "sd", "se", "sg", "si", "sk", "sl",
            "sm", "sn", "so", "sq", "sr", "ss", "st", "su", "sv", "sw", "ta", "te", "tg", "th", "ti", "tk",
            "tl", "tn", "to", "tr", "ts", "tt", "tw", "ty", "ug", "uk", "ur", "uz", "ve", "vi", "vo", "wa",
            "wo", "xh", "yi", "yo", "za", "zh", "zu")),
    CALLER_TYPE("caller type",
            List.of(
            "SUJET", "FAMILLE", "TIERS", "POMPIER", "AMBULANC", "AMBULANC.AASC", "AMBULANC.AUTRESEC",
            "SECOUR", "MED", "MED.MEDSOS", "MED.MRL", "MED.EFFML", "SANTE", "SANTE.INF", "SANTE.AIDESOIN",
            "SANTE.SF", "SANTE.AIDEDOM", "SANTE.PHARMA", "SANTE.DENTISTE", "SANTE.LABO", "FDO-MILI",
            "FDO-MILI.POL", "FDO-MILI.GENDARM", "FDO-MILI.MILI", "ADM-TUTL", "VIP", "OBJCONNC", "AUTRE",
            "INCONNU")),
    ATTRIBUTION("case attribution",
            List.of(
            "DRM", "DRM.MRU", "DRM.MRU.MU", "DRM.MRU.INDISPMU", "DRM.MRU.SSE", "DRM.MRU.PLANBLAN",
            "DRM.MRU.PCSAMU", "DRM.SPE", "DRM.SPE.DENT", "DRM.SPE.GERIA", "DRM.SPE.PEDIA", "DRM.SPE.OBST",
            "DRM.SPE.PSY", "DRM.SPE.TOXICOL", "DRM.SPE.AUTRESPE", "DRM.MRL", "DRM.MRL.MG",
            "DRM.MRL.INDISPMG", "DRM.MRL.ABSML", "DR", "DR.DREG", "DR.DREG.DRARM", "DR.DREG.DRDAC",
            "DR.DREG.DRMED", "DR.DREG.DRPHARMA", "DR.DREG.DRDENT", "DR.DREG.DRINFO", "DR.DREG.DOS-SIS",
            "DR.DREG.DOS-FDO", "D", "D.D-MALV", "D.D-MALV.ERR", "D.D-MALV.NRP", "D.D-MALV.MALV",
            "D.D-MALV.FAX", "D.D-MALV.ITERATIF", "D.D-IDENT", "D.D-IDENT.ADMIN", "D.D-IDENT.PERSO",
            "D.D-IDENT.AUTRE")),
    ORIGIN("call origin",
            List.of(
            "15", "116117", "AUTOCOM", "112", "115", "CRRA", "AUTREC15", "CTA-CONF", "CTA-PI", "AUTRECTA",
            "CNR", "FDO", "SNATED", "PDSSOS", "TELASSIST", "CROSS", "PUBLIC", "DATA", "AUTRE")),
    CHANNEL("contact channel",
            List.of(
            "APPLICATION", "BAU", "DAU", "DEFIBRILLATEUR", "ECALL", "PERSONNE")),
    COMMUNICATION("communication difficulty",
            List.of(
            "AUCUNE", "MUET", "VISION", "LANGUE", "PANIQUE", "HOSTILE", "AGITE", "AUTRE", "IMPOSS"));

    private final String meaning;
    private final Set<String> codes;

    CodeList(String meaning, List<String> codes) {
        this.meaning = meaning;
        this.codes = new LinkedHashSet<>(codes);
    }

    public String meaning() {
        return meaning;
    }

    public Set<String> codes() {
        return java.util.Collections.unmodifiableSet(codes);
    }

    public boolean contains(String code) {
        return codes.contains(code);
    }
}
