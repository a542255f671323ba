package org.opensmur.oru;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import org.opensmur.core.hub.transport.HubTransport;
import org.opensmur.core.hub.validation.ModelLine;
import org.opensmur.oru.store.OruStore;
import org.opensmur.oru.web.Users;

/**
 * The concentrator as the local Hub's ORU (the demo, the local Hub's tests): on its embedded default in a
 * folder the caller owns, its dashboard on loopback with a user whose password is made for this run. The
 * nomenclatures are read from {@code $ORU_NOMENCLATURES}, else {@code ../shared/hub-conformance/nomenclatures}
 * when it is there.
 */
public final class LocalOru implements AutoCloseable {

    public static final String USER = "demo";

    private final Oru oru;
    private final String password;
    private String dashboard;

    private LocalOru(Oru oru, String password) {
        this.oru = oru;
        this.password = password;
    }

    /** Receives as {@code oruId} on {@code transport}; no dashboard until {@link #serve}. */
    public static LocalOru start(HubTransport transport, String oruId, Path folder, ModelLine line, Clock clock) {
        String lists = System.getenv("ORU_NOMENCLATURES");
        Path nomenclatures = lists != null ? Path.of(lists) : Path.of("..", "shared", "hub-conformance", "nomenclatures");
        Oru oru = Oru.embedded(folder, Files.isDirectory(nomenclatures) ? nomenclatures : null, clock);
        byte[] random = new byte[15];
        new SecureRandom().nextBytes(random);
        String password = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
        try {
            oru.users().add(USER, password.toCharArray(), Users.Role.ADMINISTRATOR);
            oru.receive(transport, oruId, line, clock);
        } catch (RuntimeException e) {
            oru.close();
            throw e;
        }
        return new LocalOru(oru, password);
    }

    /** Serves the dashboard on 127.0.0.1:{@code port} (0: a free one); returns its address. */
    public String serve(int port) {
        dashboard = "http://127.0.0.1:" + oru.serve("127.0.0.1", port) + "/";
        return dashboard;
    }

    /** How to log in, for the demo's console: the address, the user and this run's password. */
    public String howToLogIn() {
        return "ORU dashboard: " + dashboard + " (user " + USER + ", password " + password + ", for this run only)";
    }

    public String password() {
        return password;
    }

    /** Consolidated records: one per SMUR unit, mission and patient. */
    public int records() {
        return oru.store().count();
    }

    public OruStore store() {
        return oru.store();
    }

    @Override
    public void close() {
        oru.close();
    }
}
