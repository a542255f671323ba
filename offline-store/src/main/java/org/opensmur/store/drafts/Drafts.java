package org.opensmur.store.drafts;

import java.nio.charset.StandardCharsets;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.opensmur.store.crypto.Vault;
import org.opensmur.store.db.StoreDatabase;
import org.opensmur.store.db.StoreException;
import org.opensmur.core.tablet.DraftStore;

/**
 * Work in progress (a bilan being written), saved at every change so that a crash, a flat battery or a
 * restart loses nothing typed. Encrypted like every payload at rest; a draft is removed once sent.
 */
public final class Drafts implements DraftStore {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final StoreDatabase database;
    private final Vault vault;
    private final Clock clock;

    public Drafts(StoreDatabase database, Vault vault, Clock clock) {
        this.database = database;
        this.vault = vault;
        this.clock = clock;
    }

    @Override
    public void save(String key, Map<String, String> fields) {
        byte[] sealed;
        try {
            sealed = vault.seal(JSON.writeValueAsString(fields).getBytes(StandardCharsets.UTF_8), "draft:" + key);
        } catch (java.io.IOException e) {
            throw new StoreException("cannot write draft " + key, e);
        }
        database.inTransaction(c -> {
            PreparedStatement upsert = database.statement("INSERT INTO drafts(draft_key, updated_at, body) VALUES (?, ?, ?)"
                    + " ON CONFLICT(draft_key) DO UPDATE SET updated_at = excluded.updated_at, body = excluded.body");
            upsert.setString(1, key);
            upsert.setLong(2, clock.millis());
            upsert.setBytes(3, sealed);
            upsert.executeUpdate();
            return null;
        });
    }

    @Override
    public Optional<Map<String, String>> load(String key) {
        byte[] sealed = database.inTransaction(c -> {
            PreparedStatement select = database.statement("SELECT body FROM drafts WHERE draft_key = ?");
            select.setString(1, key);
            try (ResultSet row = select.executeQuery()) {
                return row.next() ? row.getBytes(1) : null;
            }
        });
        if (sealed == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(JSON.readValue(vault.open(sealed, "draft:" + key), new TypeReference<Map<String, String>>() { }));
        } catch (java.io.IOException e) {
            throw new StoreException("draft " + key + " cannot be read", e);
        }
    }

    @Override
    public void remove(String key) {
        database.inTransaction(c -> {
            PreparedStatement delete = database.statement("DELETE FROM drafts WHERE draft_key = ?");
            delete.setString(1, key);
            delete.executeUpdate();
            return null;
        });
    }
}
