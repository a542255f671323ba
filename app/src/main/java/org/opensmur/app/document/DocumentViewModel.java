package org.opensmur.app.document;

import java.net.URI;
import java.util.List;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.opensmur.app.ui.Background;
import org.opensmur.app.ui.Labels;
import org.opensmur.core.document.DocumentType;
import org.opensmur.core.tablet.OutboxEntry;
import org.opensmur.tablet.TabletCore;

/** A document link (photo, ECG, PDF...) sent as RS-URL for the open case. */
public final class DocumentViewModel {

    private final TabletCore core;
    private final Labels labels;
    private final ObjectProperty<DocumentType> type = new SimpleObjectProperty<>(DocumentType.ECG);
    private final StringProperty url = new SimpleStringProperty("");
    private final StringProperty message = new SimpleStringProperty("");
    private final StringProperty code = new SimpleStringProperty("");
    private String caseId;
    private String lrmId;
    private String sentId;
    private String patientId;
    private final javafx.collections.ObservableList<org.opensmur.core.document.Document> listed =
            javafx.collections.FXCollections.observableArrayList();

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

    /**
     * Puts the link on the list of those to send together (the photos of one scene go in one message); false,
     * and said, when it is not a web address.
     */
    public boolean addToList() {
        String link = url.get() == null ? "" : url.get().strip();
        if (!isWebLink(link)) {
            message.set(labels.get("document.badUrl"));
            return false;
        }
        listed.add(new org.opensmur.core.document.Document(type.get().code(), link));
        url.set("");
        message.set("");
        return true;
    }

    private static boolean isWebLink(String link) {
        try {
            URI uri = URI.create(link);
            return ("https".equals(uri.getScheme()) || "http".equals(uri.getScheme())) && uri.getHost() != null;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** The links listed so far, in order. */
    public javafx.collections.ObservableList<org.opensmur.core.document.Document> listed() {
        return listed;
    }

    /** Sends the listed links and the one typed (if any) in one RS-URL about the chosen patient. */
    public boolean send() {
        String link = url.get() == null ? "" : url.get().strip();
        if (caseId == null) {
            message.set(labels.get("document.noCase"));
            return false;
        }
        if (!link.isEmpty() && !addToList() || listed.isEmpty()) {
            message.set(labels.get("document.badUrl"));
            return false;
        }
        List<org.opensmur.core.document.Document> documents = List.copyOf(listed);
        String access = hasCode() && code.get() != null && !code.get().isBlank() ? code.get().strip() : null;
        var built = core.outgoing().documentLinks(caseId, patientId, documents, access, lrmId);
        if (!built.isValid()) {
            message.set(labels.get("document.badUrl"));
            return false;
        }
        listed.clear();
        code.set("");
        background.run(() -> core.send(built), entry -> {
            sentId = entry.distributionId();
            onDelivery(entry);
        }, e -> {
            listed.setAll(documents); // not saved: the links are still there to send again
            message.set(labels.problem(e));
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

    /** The access code the recipient needs to open the links (empty: none). */
    public StringProperty codeProperty() {
        return code;
    }

    /** Whether the vhost's line carries an access code in an RS-URL (model 3; not 2.0). */
    public boolean hasCode() {
        return core.line().payload(org.opensmur.core.hub.message.MessageType.RS_URL).fields().containsKey("code");
    }

    public StringProperty urlProperty() {
        return url;
    }

    public ReadOnlyStringProperty messageProperty() {
        return message;
    }
}
