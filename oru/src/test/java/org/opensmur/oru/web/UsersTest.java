package org.opensmur.oru.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opensmur.oru.TestDatabases;
import org.opensmur.oru.quality.Nomenclatures;
import org.opensmur.oru.quality.Quality;
import org.opensmur.oru.store.OruDatabase;
import org.opensmur.oru.store.OruStore;

/** The dashboard's passwords: Argon2id hashes in the PHC format, checked in constant time. */
class UsersTest {

    /** Cheap in tests; production's cost is {@link Users.Cost#DEFAULT} and no setting lowers it. */
    static final Users.Cost CHEAP = new Users.Cost(256, 1, 1);

    @TempDir
    Path dir;

    @Test
    void aPasswordIsStoredAsAnArgon2idHashAndOnlyItOpens() {
        try (OruDatabase database = TestDatabases.open("sqlite", dir)) {
            OruStore store = new OruStore(database, new Quality(Nomenclatures.none()));
            Users users = new Users(store, CHEAP);
            assertFalse(users.any());
            users.add("claire", "correct horse battery".toCharArray(), Users.Role.VIEWER);
            String stored = store.query("SELECT password_hash FROM app_user", r -> r.getString(1)).get(0);
            assertTrue(stored.startsWith("$argon2id$v=19$m=256,t=1,p=1$"), stored);
            assertFalse(stored.contains("correct horse"));
            assertEquals(Users.Role.VIEWER, users.check("claire", "correct horse battery".toCharArray()).orElseThrow().role());
            assertTrue(users.check("claire", "correct horse batterY".toCharArray()).isEmpty());
            assertTrue(users.check("nobody", "correct horse battery".toCharArray()).isEmpty());
            users.add("claire", "another long password".toCharArray(), Users.Role.ADMINISTRATOR);
            assertTrue(users.check("claire", "correct horse battery".toCharArray()).isEmpty(), "the old password no longer opens");
            assertEquals(Users.Role.ADMINISTRATOR, users.check("claire", "another long password".toCharArray()).orElseThrow().role());
            assertThrows(IllegalArgumentException.class, () -> users.add("short", "tooshort".toCharArray(), Users.Role.VIEWER));
        }
    }

    @Test
    void theSameHashIsCheckedTheSameWayAtTheDefaultCost() {
        String phc = Users.hash("a password of some length".toCharArray(), Users.Cost.DEFAULT);
        assertTrue(phc.startsWith("$argon2id$v=19$m=19456,t=2,p=1$"), phc);
        assertTrue(Users.verify(phc, "a password of some length".toCharArray()));
        assertFalse(Users.verify(phc, "a password of some lengtH".toCharArray()));
    }
}
