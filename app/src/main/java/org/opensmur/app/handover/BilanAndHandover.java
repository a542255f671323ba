package org.opensmur.app.handover;

import javafx.scene.layout.BorderPane;
import org.opensmur.app.bilan.BilanView;
import org.opensmur.app.ui.Labels;

/**
 * The Bilan tab: the bilan, and from it the handover timeline of the same patient ("Transmission", and
 * "Retour au bilan"): one tap away without a tab of its own (the tab bar stays on one line at 1024 px).
 */
public final class BilanAndHandover extends BorderPane {

    private final BilanView bilan;
    private final HandoverView handover;
    private final HandoverViewModel model;

    public BilanAndHandover(BilanView bilan, HandoverView handover, HandoverViewModel model, Labels labels) {
        this.bilan = bilan;
        this.handover = handover;
        this.model = model;
        bilan.offer("bilan-handover", labels.get("handover.show"), this::showHandover);
        handover.offerBack("handover-back", labels.get("handover.back"), this::showBilan);
        setCenter(bilan);
    }

    /** The handover timeline, read again and kept up to date while shown. */
    public void showHandover() {
        setCenter(handover);
        model.shown();
    }

    public void showBilan() {
        setCenter(bilan);
    }
}
