package org.opensmur.oru.web;

import static org.opensmur.oru.web.Html.esc;

import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.io.BufferedWriter;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.opensmur.oru.store.Audit;
import org.opensmur.oru.store.Export;
import org.opensmur.oru.store.OruStore;
import org.opensmur.oru.store.Views;

/**
 * The ORU's dashboard (Javalin, pages written on the server, plots in SVG): per month and SMUR unit the
 * interventions, completeness and median delays, the records with problems, each record's fields with
 * their provenance and its history. Behind a login; identities and the audit log for administrators
 * only; every view and export written to the audit log first.
 */
public final class Dashboard implements AutoCloseable {

    /**
     * How the dashboard guards its sessions: {@code idleTimeout} after the last request a session is over;
     * {@code secureCookie} marks the session cookie Secure (behind the TLS reverse proxy: the browser then
     * never sends it over plain HTTP); {@code concurrentPasswordChecks} Argon2 checks at most at once.
     */
    public record Settings(java.time.Duration idleTimeout, boolean secureCookie, int concurrentPasswordChecks) {
        public static final Settings DEFAULT = new Settings(java.time.Duration.ofMinutes(30), false, 2);
    }

    private static final String USER = "user";
    private static final Set<String> OPEN = Set.of("/login");

    /** What a session keeps of its login: the name and its password's stamp; the role is read again on each request. */
    private record SignedIn(String name, String passwordStamp) {
    }

    private static final String SIGNED_IN = "signed-in";
    private static final String LAST_SEEN = "last-seen";

    private final OruStore store;
    private final Users users;
    private final Audit audit;
    private final Settings settings;
    private final java.time.Clock clock;
    private final LoginThrottle throttle;
    private Javalin app;

    public Dashboard(OruStore store, Users users, Audit audit) {
        this(store, users, audit, Settings.DEFAULT, java.time.Clock.systemUTC());
    }

    /** {@code clock}: what the idle timeout and the login's delays are counted on. */
    public Dashboard(OruStore store, Users users, Audit audit, Settings settings, java.time.Clock clock) {
        this.store = store;
        this.users = users;
        this.audit = audit;
        this.settings = settings;
        this.clock = clock;
        this.throttle = new LoginThrottle(settings.concurrentPasswordChecks(), clock);
    }

    /** Starts on {@code host}:{@code port} (0: any free port); returns the port. */
    public int start(String host, int port) {
        app = Javalin.create(config -> {
            config.showJavalinBanner = false;
            config.jetty.modifyServletContextHandler(handler -> {
                handler.getSessionHandler().setHttpOnly(true);
                handler.getSessionHandler().setSameSite(org.eclipse.jetty.http.HttpCookie.SameSite.STRICT);
                // behind the TLS proxy Jetty sees plain HTTP: Secure has to be asked for, not inferred
                handler.getSessionHandler().getSessionCookieConfig().setSecure(settings.secureCookie());
                // Jetty forgets idle sessions too (its own clock), so that abandoned ones do not pile up
                handler.getSessionHandler().setMaxInactiveInterval((int) Math.min(Integer.MAX_VALUE, settings.idleTimeout().toSeconds()));
            });
        });
        app.before(ctx -> {
            ctx.header("Cache-Control", "no-store");
            ctx.header("X-Frame-Options", "DENY");
            if (!OPEN.contains(ctx.path()) && signIn(ctx) == null) {
                ctx.redirect("/login");
                ctx.skipRemainingHandlers();
            }
        });
        app.get("/login", ctx -> ctx.html(loginPage(null)));
        app.post("/login", this::login);
        app.post("/logout", ctx -> {
            var session = ctx.req().getSession(false);
            if (session != null) {
                session.invalidate();
            }
            ctx.redirect("/login");
        });
        app.get("/", ctx -> {
            List<Views.Month> months = store.months();
            ctx.redirect("/month/" + (months.isEmpty() ? YearMonth.now(store.zone()) : months.get(0).month()));
        });
        app.get("/month/{month}", this::month);
        app.get("/record/{id}", this::record);
        app.get("/export", this::export);
        app.get("/audit", this::audit);
        app.start(host, port);
        return app.port();
    }

    /** The request's user, set by {@link #signIn} from what is stored now. */
    private static Users.User user(Context ctx) {
        return ctx.attribute(USER);
    }

    /**
     * The session's user as it is now, or null (and the session ended): idle too long, the user removed or
     * its password changed. The role is the one stored now: a role taken away is gone at the next request.
     */
    private Users.User signIn(Context ctx) {
        var session = ctx.req().getSession(false);
        if (session == null || !(session.getAttribute(SIGNED_IN) instanceof SignedIn signedIn)) {
            return null;
        }
        java.time.Instant now = clock.instant();
        java.time.Instant lastSeen = (java.time.Instant) session.getAttribute(LAST_SEEN);
        Optional<Users.Current> current = users.current(signedIn.name());
        String ended = lastSeen == null || now.isAfter(lastSeen.plus(settings.idleTimeout())) ? "idle for too long"
                : current.isEmpty() ? "user removed"
                : !current.get().passwordStamp().equals(signedIn.passwordStamp()) ? "password changed" : null;
        if (ended != null) {
            session.invalidate();
            audit.write(signedIn.name(), "session ended", ended);
            return null;
        }
        session.setAttribute(LAST_SEEN, now);
        ctx.attribute(USER, current.get().user());
        return current.get().user();
    }

    private static String loginPage(String error) {
        return """
                <!doctype html><html lang="fr"><head><meta charset="utf-8"><title>Connexion · ORU</title>
                <style>body{font-family:system-ui,sans-serif;background:#f4f6f8;display:flex;justify-content:center;padding-top:80px}
                form{background:#fff;border:1px solid #d0d7de;padding:24px;display:grid;gap:10px;min-width:300px}
                input,button{font-size:16px;padding:6px}.error{color:#a4161a;font-weight:600}</style></head><body>
                <form method="post" action="/login"><strong>Observatoire régional des urgences</strong>%s
                <label>Nom <input id="name" name="name" autocomplete="username" required></label>
                <label>Mot de passe <input id="password" name="password" type="password" autocomplete="current-password" required></label>
                <button id="login">Se connecter</button></form></body></html>
                """.formatted(error == null ? "" : "<p class=\"error\" id=\"login-error\">" + esc(error) + "</p>");
    }

    private void login(Context ctx) {
        String name = Optional.ofNullable(ctx.formParam("name")).orElse("");
        char[] password = Optional.ofNullable(ctx.formParam("password")).orElse("").toCharArray();
        LoginThrottle.Attempt<Optional<Users.User>> attempt = throttle.attempt(name, () -> users.check(name, password), Optional::isPresent);
        java.util.Arrays.fill(password, '\0');
        String who = name.isBlank() ? "?" : name;
        Optional<Users.User> user;
        switch (attempt) {
            case LoginThrottle.Attempt.Busy<Optional<Users.User>> busy -> {
                // not in the audit log: a flood would fill it; nothing was checked
                ctx.status(HttpStatus.SERVICE_UNAVAILABLE).header("Retry-After", "5")
                        .html(loginPage("Trop de connexions en cours : réessayez dans quelques secondes."));
                return;
            }
            case LoginThrottle.Attempt.Locked<Optional<Users.User>> locked -> {
                long seconds = locked.retryAfter().toSeconds();
                if (locked.first()) { // the next refusals of the same delay cost nothing to send: not one row each
                    audit.write(who, "login refused", "too many failures, held back " + seconds + " s");
                }
                ctx.status(HttpStatus.TOO_MANY_REQUESTS).header("Retry-After", Long.toString(seconds))
                        .html(loginPage("Trop d’essais : réessayez dans " + seconds + " s."));
                return;
            }
            case LoginThrottle.Attempt.Checked<Optional<Users.User>> checked -> user = checked.result();
        }
        Optional<Users.Current> current = user.flatMap(u -> users.current(u.name()));
        if (current.isEmpty()) {
            audit.write(who, "login refused", "wrong name or password");
            ctx.status(HttpStatus.UNAUTHORIZED).html(loginPage("Nom ou mot de passe incorrect."));
            return;
        }
        ctx.req().getSession(true);
        ctx.req().changeSessionId(); // a new id once logged in: a session id seen before the login is worth nothing
        ctx.sessionAttribute(SIGNED_IN, new SignedIn(name, current.get().passwordStamp()));
        ctx.sessionAttribute(LAST_SEEN, clock.instant());
        audit.write(name, "login", "");
        ctx.redirect("/");
    }

    private void month(Context ctx) {
        Users.User user = user(ctx);
        String month = ctx.pathParam("month");
        YearMonth parsed = parseMonth(month);
        if (parsed == null) {
            // before the audit log: no view is given
            ctx.status(HttpStatus.NOT_FOUND).html(Html.page("Mois inconnu", user, "<p>Mois attendu : AAAA-MM.</p>"));
            return;
        }
        String smur = ctx.queryParam("smur");
        audit.write(user.name(), "view month", month + (smur == null ? "" : " smur " + smur));
        List<Views.SmurMonth> rows = store.month(month);
        StringBuilder b = new StringBuilder();
        b.append("<h1>RPIS de ").append(esc(month)).append("</h1><form method=\"get\" action=\"/\" onsubmit=\"location='/month/'+this.m.value;return false\">")
                .append("<label>Mois <select name=\"m\" id=\"month-select\">");
        for (Views.Month m : store.months()) {
            b.append("<option").append(m.month().equals(month) ? " selected" : "").append(">").append(esc(m.month())).append("</option>");
        }
        b.append("</select></label> <button>Voir</button></form>");
        int total = rows.stream().mapToInt(Views.SmurMonth::records).sum();
        double completeness = total == 0 ? 0 : rows.stream().mapToDouble(r -> r.completeness() * r.records()).sum() / total;
        b.append("<p id=\"summary\">").append(total).append(" interventions · complétude moyenne ").append(Html.percent(completeness))
                .append(" · ").append(rows.stream().mapToInt(Views.SmurMonth::withProblems).sum()).append(" dossiers à revoir</p>");
        b.append("<table id=\"smur-table\"><tr><th>SMUR (FINESS géo-structure)</th><th>Interventions</th><th>Complétude</th>")
                .append("<th>Décision → départ</th><th>Départ → sur place</th><th>Sur place → disponible</th><th>À revoir</th></tr>");
        for (Views.SmurMonth r : rows) {
            b.append("<tr><td><a href=\"/month/").append(esc(month)).append("?smur=")
                    .append(esc(java.net.URLEncoder.encode(r.smurUnit(), java.nio.charset.StandardCharsets.UTF_8))).append("\">")
                    .append(esc(r.smurUnit())).append("</a></td><td class=\"num\">").append(r.records())
                    .append("</td><td class=\"num\">").append(Html.percent(r.completeness()))
                    .append("</td><td class=\"num\">").append(Html.minutes(r.medianDeparture()))
                    .append("</td><td class=\"num\">").append(Html.minutes(r.medianOnScene()))
                    .append("</td><td class=\"num\">").append(Html.minutes(r.medianAvailable()))
                    .append("</td><td class=\"num").append(r.withProblems() > 0 ? " warn" : "").append("\">").append(r.withProblems()).append("</td></tr>");
        }
        b.append("</table>");
        if (!rows.isEmpty()) {
            List<String> labels = rows.stream().map(Views.SmurMonth::smurUnit).toList();
            b.append("<div class=\"plots\"><div class=\"plot\">").append(Html.bars("plot-completeness", "Complétude par SMUR", labels,
                    List.of(new Html.Series("complétude", "#2f6fb0", rows.stream().map(r -> r.completeness() * 100).toList())),
                    100, v -> String.format(java.util.Locale.FRANCE, "%.0f %%", v))).append("</div>");
            double max = rows.stream().flatMap(r -> java.util.stream.Stream.of(r.medianDeparture(), r.medianOnScene(), r.medianAvailable()))
                    .filter(java.util.Objects::nonNull).mapToDouble(Double::doubleValue).max().orElse(1);
            b.append("<div class=\"plot\">").append(Html.bars("plot-delays", "Délais médians", labels, List.of(
                    new Html.Series("décision → départ", "#e09f3e", rows.stream().map(Views.SmurMonth::medianDeparture).toList()),
                    new Html.Series("départ → sur place", "#9e2a2b", rows.stream().map(Views.SmurMonth::medianOnScene).toList()),
                    new Html.Series("sur place → disponible", "#335c67", rows.stream().map(Views.SmurMonth::medianAvailable).toList())),
                    max, Html::minutes)).append("</div></div>");
        }
        List<Views.RecordSummary> records = store.records(month, smur, smur == null, 200);
        b.append("<h2>").append(smur == null ? "Dossiers à revoir" : "Dossiers du SMUR " + esc(smur)).append("</h2>");
        b.append("<table id=\"records\"><tr><th>N°</th><th>SMUR</th><th>Dossier SAMU</th><th>Versions</th><th>Complétude</th>")
                .append("<th>Manquants</th><th>Douteux</th><th>Désaccords</th></tr>");
        for (Views.RecordSummary r : records) {
            b.append("<tr><td><a class=\"record-link\" href=\"/record/").append(r.id()).append("\">").append(r.id()).append("</a></td><td>")
                    .append(esc(r.key().smurUnit())).append("</td><td>").append(esc(r.key().orgId() + " " + r.key().caseId()))
                    .append("</td><td class=\"num\">").append(r.versions()).append("</td><td class=\"num\">").append(Html.percent(r.completeness()))
                    .append("</td><td>").append(esc(String.join(", ", r.missing()))).append("</td><td class=\"warn\">")
                    .append(esc(String.join(", ", doubts(r)))).append("</td><td class=\"num").append(r.conflicts() > 0 ? " warn" : "")
                    .append("\">").append(r.conflicts()).append("</td></tr>");
        }
        b.append("</table>");
        if (records.isEmpty()) {
            b.append("<p class=\"muted\">Aucun.</p>");
        }
        b.append("<h2>Export</h2><form method=\"get\" action=\"/export\">")
                .append("<input type=\"hidden\" name=\"from\" value=\"").append(esc(month)).append("-01\">")
                .append("<input type=\"hidden\" name=\"to\" value=\"").append(parsed.plusMonths(1)).append("-01\">")
                .append("<select name=\"format\"><option>csv</option><option>jsonl</option></select> ")
                .append(user.role() == Users.Role.ADMINISTRATOR ? "<label><input type=\"checkbox\" name=\"identities\" value=\"1\"> avec les identités</label> " : "")
                .append("<button id=\"export\">Exporter le mois</button></form>");
        ctx.html(Html.page("RPIS " + month, user, b.toString()));
    }

    /** The reason a record of the same patient under another SMUR unit is to review, before those units. */
    static final String SAME_PATIENT = "même patient, autre unité SMUR :";

    /** What is doubtful in a record, as listed for review: its fields' doubts, then another unit holding its patient. */
    private static List<String> doubts(Views.RecordSummary r) {
        List<String> doubts = new java.util.ArrayList<>(r.doubtful());
        if (!r.otherUnits().isEmpty()) {
            doubts.add(SAME_PATIENT + " " + String.join(", ", r.otherUnits()));
        }
        return doubts;
    }

    /** A month as AAAA-MM, or null: {@code 2026-13} has the shape and is no month. */
    private static YearMonth parseMonth(String month) {
        if (!month.matches("\\d{4}-\\d{2}")) {
            return null;
        }
        try {
            return YearMonth.parse(month);
        } catch (java.time.format.DateTimeParseException e) {
            return null;
        }
    }

    private boolean refuseIdentities(Context ctx, Users.User user, String what) {
        if (user.role() == Users.Role.ADMINISTRATOR) {
            return false;
        }
        audit.write(user.name(), "identities refused", what);
        ctx.status(HttpStatus.FORBIDDEN).html(Html.page("Refusé", user,
                "<p class=\"error\" id=\"forbidden\">Les identités des patients sont réservées aux administrateurs.</p>"));
        return true;
    }

    private void record(Context ctx) {
        Users.User user = user(ctx);
        long id;
        try {
            id = Long.parseLong(ctx.pathParam("id"));
        } catch (NumberFormatException e) {
            ctx.status(HttpStatus.NOT_FOUND);
            return;
        }
        boolean identities = "1".equals(ctx.queryParam("identities"));
        if (identities && refuseIdentities(ctx, user, "record " + id)) {
            return;
        }
        audit.write(user.name(), identities ? "view record with identities" : "view record", "record " + id);
        Optional<Views.RecordDetail> found = store.record(id);
        if (found.isEmpty()) {
            ctx.status(HttpStatus.NOT_FOUND).html(Html.page("Inconnu", user, "<p>Aucun dossier " + id + ".</p>"));
            return;
        }
        Views.RecordDetail r = found.get();
        StringBuilder b = new StringBuilder();
        b.append("<h1>Dossier ").append(id).append("</h1><p id=\"record-key\">SMUR ").append(esc(r.summary().key().smurUnit()))
                .append(" · ").append(esc(r.summary().key().orgId())).append(" · dossier ").append(esc(r.summary().key().caseId()))
                .append(" · patient ").append(identities ? esc(r.summary().key().patientId()) : "<span class=\"muted\">masqué</span>")
                .append(" · ").append(r.summary().versions()).append(" version(s) · complétude ").append(Html.percent(r.summary().completeness()))
                .append("</p>");
        if (!identities && user.role() == Users.Role.ADMINISTRATOR) {
            b.append("<p><a id=\"show-identities\" href=\"/record/").append(id).append("?identities=1\">Afficher les identités</a></p>");
        }
        if (!r.summary().missing().isEmpty()) {
            b.append("<p>Manquants : ").append(esc(String.join(", ", r.summary().missing()))).append("</p>");
        }
        if (!r.summary().doubtful().isEmpty()) {
            b.append("<p class=\"warn\" id=\"doubtful\">Douteux : ").append(esc(String.join(", ", r.summary().doubtful()))).append("</p>");
        }
        if (!r.samePatient().isEmpty()) {
            b.append("<p class=\"warn\" id=\"same-patient\">").append(SAME_PATIENT).append(" ");
            for (int i = 0; i < r.samePatient().size(); i++) {
                Views.SamePatient other = r.samePatient().get(i);
                b.append(i == 0 ? "" : ", ").append("<a class=\"same-patient-link\" href=\"/record/").append(other.id()).append("\">")
                        .append(esc(other.smurUnit())).append("</a> (dossier ").append(other.id()).append(", ").append(esc(other.month())).append(")");
            }
            b.append(" · deux unités peuvent avoir pris en charge le même patient, ou l’unité a été corrigée : à vérifier.</p>");
        }
        b.append("<h2>Historique</h2><table id=\"history\"><tr><th>Reçu le</th><th>Émetteur</th><th>Écrit le</th><th>distributionID</th><th>Effet</th><th>Changements</th></tr>");
        for (Views.Received v : r.history()) {
            b.append("<tr><td>").append(esc(Html.time(v.receivedAt()))).append("</td><td>").append(esc(v.senderId())).append("</td><td>")
                    .append(esc(Html.time(v.sentAt()))).append("</td><td>").append(esc(v.distributionId())).append("</td><td>")
                    .append(esc(v.outcome().toLowerCase(java.util.Locale.ROOT))).append("</td><td>");
            long set = v.changes().stream().filter(c -> c.kind().equals("SET")).count();
            if (set > 0) {
                b.append(set).append(" champ(s) renseigné(s)<br>");
            }
            for (Views.FieldChange c : v.changes()) {
                if (c.kind().equals("SET")) {
                    continue;
                }
                boolean hidden = !identities && Export.IDENTITY.contains(c.path());
                b.append(esc(c.kind().toLowerCase(java.util.Locale.ROOT))).append(" ").append(esc(c.path())).append(" : ")
                        .append(hidden ? "masqué" : esc(c.oldValue()) + " → " + esc(c.newValue())).append("<br>");
            }
            b.append("</td></tr>");
        }
        b.append("</table><h2>Valeurs consolidées</h2><table id=\"fields\"><tr><th>Champ</th><th>Valeur</th><th>Source</th><th>Écrit le</th><th>Désaccord</th></tr>");
        for (Views.Field f : r.fields()) {
            boolean hidden = !identities && Export.IDENTITY.contains(f.path());
            b.append("<tr><td>").append(esc(f.path())).append("</td><td>")
                    .append(hidden ? "<span class=\"muted\">masqué</span>" : esc(f.value().isValueNode() ? f.value().asText() : f.value().toString()))
                    .append("</td><td>").append(esc(f.source())).append("</td><td>").append(esc(Html.time(f.sentAt()))).append("</td><td class=\"warn\">")
                    .append(f.conflictValue() == null ? "" : (hidden ? "masqué" : esc(f.conflictValue().isValueNode() ? f.conflictValue().asText() : f.conflictValue().toString()))
                            + " selon " + esc(f.conflictSource())).append("</td></tr>");
        }
        b.append("</table>");
        ctx.html(Html.page("Dossier " + id, user, b.toString()));
    }

    private void export(Context ctx) throws java.io.IOException {
        Users.User user = user(ctx);
        boolean identities = "1".equals(ctx.queryParam("identities"));
        LocalDate from;
        LocalDate to;
        try {
            from = LocalDate.parse(Optional.ofNullable(ctx.queryParam("from")).orElse(""));
            to = LocalDate.parse(Optional.ofNullable(ctx.queryParam("to")).orElse(""));
        } catch (java.time.format.DateTimeParseException e) {
            ctx.status(HttpStatus.BAD_REQUEST).html(Html.page("Export", user, "<p>Dates attendues : from=AAAA-MM-JJ&amp;to=AAAA-MM-JJ.</p>"));
            return;
        }
        if (identities && refuseIdentities(ctx, user, "export " + from + ".." + to)) {
            return;
        }
        Export.Format format = "jsonl".equals(ctx.queryParam("format")) ? Export.Format.JSONL : Export.Format.CSV;
        audit.write(user.name(), identities ? "export with identities" : "export", from + ".." + to + " " + format.name().toLowerCase());
        ctx.header("Content-Disposition", "attachment; filename=\"rpis-" + from + "-" + to + (format == Export.Format.CSV ? ".csv" : ".jsonl") + "\"");
        ctx.contentType(format == Export.Format.CSV ? "text/csv; charset=utf-8" : "application/x-ndjson");
        // written to the response as the rows are read: a year of the region never sits in memory whole
        try (Writer out = new BufferedWriter(new OutputStreamWriter(ctx.outputStream(), StandardCharsets.UTF_8))) {
            Export.write(store, store.startOf(from), store.startOf(to), format, identities, out); // the region's days, as its months
        }
    }

    private void audit(Context ctx) {
        Users.User user = user(ctx);
        if (user.role() != Users.Role.ADMINISTRATOR) {
            ctx.status(HttpStatus.FORBIDDEN).html(Html.page("Refusé", user, "<p class=\"error\">Réservé aux administrateurs.</p>"));
            return;
        }
        audit.write(user.name(), "view audit log", "");
        StringBuilder b = new StringBuilder("<h1>Journal d’audit</h1><table id=\"audit\"><tr><th>Quand</th><th>Qui</th><th>Quoi</th><th>Détail</th></tr>");
        for (Audit.Entry e : audit.latest(500)) {
            b.append("<tr><td>").append(esc(Html.time(e.at()))).append("</td><td>").append(esc(e.user())).append("</td><td>").append(esc(e.action()))
                    .append("</td><td>").append(esc(e.detail())).append("</td></tr>");
        }
        ctx.html(Html.page("Journal d’audit", user, b.append("</table>").toString()));
    }

    @Override
    public void close() {
        if (app != null) {
            app.stop();
        }
    }
}
