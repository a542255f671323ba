package org.opensmur.app.document;

import java.net.URI;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.opensmur.app.shell.Background;
import org.opensmur.app.shell.Labels;
import org.opensmur.core.document.DocumentType;
import org.opensmur.store.db.StoreException;
import org.opensmur.store.outbox.OutboxEntry;
import org.opensmur.store.tablet.TabletCore;

/** A document link (photo, ECG, PDF...) sent as RS-URL for the open case. */
public final class DocumentViewModel {

    private final TabletCore core;
    private final Labels labels;
    private final ObjectProperty<DocumentType> type = new SimpleObjectProperty<>(DocumentType.ECG);
    private final StringProperty url = new SimpleStringProperty("");
    private final StringProperty message = new SimpleStringProperty("");
    private String caseId;
    private String lrmId;
    private String sentId;
    private String patientId;

    private final Background background;

    public DocumentViewModel(TabletCore core, Background background, Labels labels) {
        this.core = core;
        this.background = background;
        this.labels = labels;
    }

    public void open(String caseId, String lrmId) {
        this.caseId = caseId;
        this.lrmId = lrmId;
    }

    /** The patient the next link is about ({@code null}: the mission as a whole). */
    public void choose(org.opensmur.app.patient.PatientsViewModel.Patient chosen) {
        this.patientId = chosen == null ? null : chosen.patientId();
    }

    public boolean send() {
        String link = url.get() == null ? "" : url.get().strip();
        if (caseId == null) {
            message.set(labels.get("document.noCase"));
            return false;
        }
        try {
            URI uri = URI.create(link);
            if (!"https".equals(uri.getScheme()) && !"http".equals(uri.getScheme()) || uri.getHost() == null) {
                throw new IllegalArgumentException();
            }
        } catch (IllegalArgumentException e) {
            message.set(labels.get("document.badUrl"));
            return false;
        }
        var built = core.outgoing().documentLink(caseId, patientId, type.get(), link, lrmId);
        if (!built.isValid()) {
            message.set(labels.get("document.badUrl"));
            return false;
        }
        url.set("");
        background.run(() -> core.send(built), entry -> {
            sentId = entry.distributionId();
            onDelivery(entry);
        }, e -> {
            url.set(link); // not saved: the link is still there to send again
            message.set(e instanceof StoreException store ? labels.storageProblem(store) : labels.get("storage.OTHER"));
        });
        return true;
    }

    public void onDelivery(OutboxEntry entry) {
        if (entry.distributionId().equals(sentId)) {
            message.set(labels.format("document.delivery", labels.delivery(entry.state())));
        }
    }

    public ObjectProperty<DocumentType> typeProperty() {
        return type;
    }

    public StringProperty urlProperty() {
        return url;
    }

    public ReadOnlyStringProperty messageProperty() {
        return message;
    }
}
