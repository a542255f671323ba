package org.opensmur.app.flows;

import javafx.stage.Stage;
import org.testfx.framework.junit5.Start;

/** Shard 3 of {@code ./bin/recette --variants}: the cases whose place is 3 modulo the shards ({@link RecetteTest#shard}). */
class RecetteShard3Test extends RecetteTest {

    @Override
    int shard() {
        return 3;
    }

    @Start
    @Override
    void start(Stage stage) throws Exception {
        super.start(stage); // TestFX looks for @Start on the test class itself
    }
}
