package org.opensmur.app.flows;

/** The recette on the model 2.0 vhost in service (15-smur_v1.6), with that line's official examples. */
class RecetteOnModel2Test extends RecetteTest {

    @Override
    String vhost() {
        return "15-smur_v1.6";
    }
}
