package org.opensmur.oru.web;

import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/** Small helpers to write the dashboard's pages: escaping, a page frame, tables, and SVG bar charts. */
final class Html {

    private Html() {
    }

    static String esc(Object value) {
        if (value == null) {
            return "";
        }
        String s = value.toString();
        StringBuilder b = new StringBuilder(s.length());
        for (char c : s.toCharArray()) {
            switch (c) {
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '&' -> b.append("&amp;");
                case '"' -> b.append("&quot;");
                case '\'' -> b.append("&#39;");
                default -> b.append(c);
            }
        }
        return b.toString();
    }

    static String page(String title, Users.User user, String body) {
        return """
                <!doctype html><html lang="fr"><head><meta charset="utf-8"><title>%s · ORU</title>
                <meta name="viewport" content="width=device-width, initial-scale=1">
                <style>
                body{font-family:system-ui,sans-serif;margin:0;color:#1d2733;background:#f4f6f8}
                header{background:#12355b;color:#fff;padding:10px 24px;display:flex;gap:24px;align-items:center}
                header a{color:#fff} header form{margin-left:auto}
                main{padding:16px 24px;max-width:1200px}
                table{border-collapse:collapse;background:#fff;margin:8px 0 20px}
                th,td{border:1px solid #d0d7de;padding:4px 8px;text-align:left;font-size:14px;vertical-align:top}
                th{background:#e8eef4} td.num{text-align:right}
                .warn{color:#a4161a;font-weight:600} .ok{color:#2b7a0b} .muted{color:#667}
                .plots{display:flex;gap:24px;flex-wrap:wrap;align-items:flex-start} .plot{background:#fff;border:1px solid #d0d7de;padding:8px}
                input,select,button{font-size:15px;padding:4px 8px}
                .error{background:#fde2e1;border:1px solid #a4161a;padding:8px;margin:8px 0}
                </style></head><body>
                <header><strong>Observatoire régional des urgences · RPIS</strong>%s</header><main>%s</main></body></html>
                """.formatted(esc(title), user == null ? "" : "<a href=\"/\">Mois</a>"
                + (user.role() == Users.Role.ADMINISTRATOR ? "<a href=\"/audit\">Journal d’audit</a>" : "")
                + "<form method=\"post\" action=\"/logout\"><span>" + esc(user.name()) + " (" + role(user.role()) + ")</span> "
                + "<button id=\"logout\">Se déconnecter</button></form>", body);
    }

    /** An instant as stored, to the second. */
    static String time(String instant) {
        return instant == null ? "" : instant.replaceFirst("\\.\\d+Z$", "Z").replace('T', ' ');
    }

    static String role(Users.Role role) {
        return role == Users.Role.ADMINISTRATOR ? "administrateur" : "lecteur";
    }

    static String percent(double ratio) {
        return String.format(Locale.FRANCE, "%.0f %%", ratio * 100);
    }

    /** A delay for people: seconds under two minutes (the demo's missions last seconds), else minutes. */
    static String minutes(Double seconds) {
        if (seconds == null) {
            return "—";
        }
        return seconds < 120 ? String.format(Locale.FRANCE, "%.0f s", seconds) : String.format(Locale.FRANCE, "%.0f min", seconds / 60);
    }

    /** One series per colour, one group of bars per label; values null are not drawn. */
    record Series(String name, String colour, List<Double> values) {
    }

    /** A horizontal bar chart: one row per label, one bar per series, the value written at its end. */
    static String bars(String id, String title, List<String> labels, List<Series> series, double max, Function<Double, String> format) {
        int rowHeight = 14 * series.size() + 10;
        int width = 520;
        int left = 130;
        int height = 40 + rowHeight * labels.size() + 18 * series.size();
        StringBuilder svg = new StringBuilder();
        svg.append("<svg id=\"").append(esc(id)).append("\" role=\"img\" aria-label=\"").append(esc(title))
                .append("\" xmlns=\"http://www.w3.org/2000/svg\" width=\"").append(width).append("\" height=\"").append(height).append("\">");
        svg.append("<text x=\"4\" y=\"16\" font-size=\"14\" font-weight=\"600\">").append(esc(title)).append("</text>");
        double scale = max <= 0 ? 0 : (width - left - 70) / max;
        for (int i = 0; i < labels.size(); i++) {
            int y = 30 + i * rowHeight;
            svg.append("<text x=\"4\" y=\"").append(y + rowHeight / 2 + 2).append("\" font-size=\"12\">").append(esc(labels.get(i))).append("</text>");
            for (int s = 0; s < series.size(); s++) {
                Double v = series.get(s).values().get(i);
                int by = y + s * 14;
                if (v == null) {
                    svg.append("<text x=\"").append(left).append("\" y=\"").append(by + 11).append("\" font-size=\"11\" fill=\"#667\">—</text>");
                    continue;
                }
                long w = Math.max(1, Math.round(v * scale));
                svg.append("<rect x=\"").append(left).append("\" y=\"").append(by).append("\" width=\"").append(w)
                        .append("\" height=\"12\" fill=\"").append(series.get(s).colour()).append("\"><title>")
                        .append(esc(series.get(s).name() + " : " + format.apply(v))).append("</title></rect>");
                svg.append("<text x=\"").append(left + w + 4).append("\" y=\"").append(by + 11).append("\" font-size=\"11\">")
                        .append(esc(format.apply(v))).append("</text>");
            }
        }
        int ly = 34 + rowHeight * labels.size();
        for (int s = 0; s < series.size() && series.size() > 1; s++) {
            svg.append("<rect x=\"").append(left).append("\" y=\"").append(ly + s * 18).append("\" width=\"12\" height=\"12\" fill=\"")
                    .append(series.get(s).colour()).append("\"/><text x=\"").append(left + 18).append("\" y=\"").append(ly + s * 18 + 11)
                    .append("\" font-size=\"12\">").append(esc(series.get(s).name())).append("</text>");
        }
        return svg.append("</svg>").toString();
    }
}
