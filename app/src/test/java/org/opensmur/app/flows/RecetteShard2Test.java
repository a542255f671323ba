package org.opensmur.app.flows;

import javafx.stage.Stage;
import org.testfx.framework.junit5.Start;

/** Shard 2 of {@code ./bin/recette --variants}: the cases whose place is 2 modulo the shards ({@link RecetteTest#shard}). */
class RecetteShard2Test extends RecetteTest {

    @Override
    int shard() {
        return 2;
    }

    @Start
    @Override
    void start(Stage stage) throws Exception {
        super.start(stage); // TestFX looks for @Start on the test class itself
    }
}
