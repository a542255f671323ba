package org.opensmur.oru.store;

import java.time.Clock;
import java.util.List;

/** The audit log: who viewed or exported what, and when. Written before the view or export is given. */
public final class Audit {

    public record Entry(String at, String user, String action, String detail) {
    }

    private final OruStore store;
    private final Clock clock;

    public Audit(OruStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    /** {@code detail} names what was seen (a month, a record's number), never a patient's values. */
    public void write(String user, String action, String detail) {
        store.update("INSERT INTO audit_log (at, user_name, action, detail) VALUES (?, ?, ?, ?)",
                clock.instant().toString(), user, action, detail);
    }

    public List<Entry> latest(int limit) {
        return store.query("SELECT at, user_name, action, detail FROM audit_log ORDER BY id DESC LIMIT " + limit,
                r -> new Entry(r.getString(1), r.getString(2), r.getString(3), r.getString(4)));
    }
}
