package org.opensmur.app.flows;

import javafx.stage.Stage;
import org.testfx.framework.junit5.Start;

/** Shard 1 of {@code ./bin/recette --variants}: the cases whose place is 1 modulo the shards ({@link RecetteTest#shard}). */
class RecetteShard1Test extends RecetteTest {

    @Override
    int shard() {
        return 1;
    }

    @Start
    @Override
    void start(Stage stage) throws Exception {
        super.start(stage); // TestFX looks for @Start on the test class itself
    }
}
