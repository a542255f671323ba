package org.opensmur.app.rpis;

import java.time.OffsetDateTime;
import java.util.Map;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.opensmur.app.TabletSettings;
import org.opensmur.app.shell.Background;
import org.opensmur.app.shell.Labels;
import org.opensmur.core.rpis.Rpis;
import org.opensmur.core.rpis.InseeAddress;
import org.opensmur.core.rpis.RpisIntervention;
import org.opensmur.core.rpis.RpisLocation;
import org.opensmur.core.status.ResourceStatus;
import org.opensmur.store.cases.CaseStore;
import org.opensmur.store.db.StoreException;
import org.opensmur.store.outbox.OutboxEntry;
import org.opensmur.store.rpis.RpisPrefill;
import org.opensmur.store.tablet.TabletCore;

/**
 * The RPIS record prefilled from the case, the status times and the bilan's diagnosis; the crew checks
 * and completes it, then sends RS-RPIS to the ORU (and to the LRM where configured).
 */
public final class RpisViewModel {

    private final TabletCore core;
    private final TabletSettings settings;
    private final Labels labels;
    private final StringProperty diagnosis = new SimpleStringProperty("");
    private final StringProperty inseeCode = new SimpleStringProperty("");
    private final StringProperty summary = new SimpleStringProperty("");
    private final StringProperty message = new SimpleStringProperty("");
    private Rpis prefilled;
    private String sentId;

    private final Background background;

    public RpisViewModel(TabletCore core, Background background, TabletSettings settings, Labels labels) {
        this.core = core;
        this.background = background;
        this.settings = settings;
        this.labels = labels;
    }

    public void prefill(CaseStore.CaseView view, Map<ResourceStatus, OffsetDateTime> times, String bilanDiagnosis) {
        prefilled = RpisPrefill.from(view, times, bilanDiagnosis, settings.unit());
        diagnosis.set(bilanDiagnosis == null ? "" : bilanDiagnosis);
        inseeCode.set(prefilled.intervention().location().detailedAddress().inseeCode());
        RpisIntervention i = prefilled.intervention();
        summary.set(labels.format("rpis.summary", prefilled.regulation().whatsHappen().label(),
                time(i.smurStatus().departSmur()), time(i.smurStatus().arrivedSmur()), time(i.smurStatus().teamAvailable())));
        message.set("");
    }

    private static String time(OffsetDateTime t) {
        return t == null ? "—" : t.toLocalTime().withNano(0).toString();
    }

    /** Sends the record to the ORU (and the LRM when configured); false if nothing is prefilled or the ORU is unknown. */
    public boolean send() {
        if (prefilled == null || settings.oruId() == null) {
            message.set(labels.get(prefilled == null ? "rpis.noCase" : "rpis.noOru"));
            return false;
        }
        Rpis record = completed();
        var toOru = core.outgoing().rpis(record, settings.oruId());
        if (!toOru.isValid()) {
            message.set(labels.format("rpis.invalid", toOru.issues().stream().map(i -> i.path()).toList()));
            return false;
        }
        // its own copy, its own id, for the LRM where the region wants one
        var toLrm = settings.rpisToLrm() && settings.lrmId() != null ? core.outgoing().rpis(record, settings.lrmId()) : null;
        background.run(() -> {
            OutboxEntry entry = core.send(toOru);
            if (toLrm != null) {
                core.send(toLrm);
            }
            return entry;
        }, entry -> {
            sentId = entry.distributionId();
            onDelivery(entry);
        }, e -> message.set(e instanceof StoreException store ? labels.storageProblem(store) : labels.get("storage.OTHER")));
        return true;
    }

    private Rpis completed() {
        RpisIntervention i = prefilled.intervention();
        RpisLocation place = i.location();
        RpisLocation location = new RpisLocation(place.type(), place.finessGeo(), place.service(),
                new InseeAddress(inseeCode.get().strip(), place.detailedAddress().city()));
        RpisIntervention intervention = new RpisIntervention(location, i.team(), i.smurStatus(), i.procedure(),
                diagnosis.get().strip().isEmpty() ? i.mainDiagnosis() : diagnosis.get().strip(), i.associatedDiagnosis());
        return new Rpis(prefilled.context(), prefilled.regulation(), prefilled.patient(), intervention, prefilled.orientation());
    }

    public void onDelivery(OutboxEntry entry) {
        if (entry.distributionId().equals(sentId)) {
            message.set(labels.format("rpis.delivery", labels.delivery(entry.state())));
        }
    }

    public StringProperty diagnosisProperty() {
        return diagnosis;
    }

    public StringProperty inseeCodeProperty() {
        return inseeCode;
    }

    public ReadOnlyStringProperty summaryProperty() {
        return summary;
    }

    public ReadOnlyStringProperty messageProperty() {
        return message;
    }
}
