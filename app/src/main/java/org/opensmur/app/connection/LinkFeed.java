package org.opensmur.app.connection;

import java.time.Clock;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import org.opensmur.app.log.MessageLogViewModel;
import org.opensmur.app.ui.Background;
import org.opensmur.app.ui.Labels;
import org.opensmur.core.hub.client.HubEvent;
import org.opensmur.core.hub.transport.ConnectionState;
import org.opensmur.core.hub.validation.ModelLine;
import org.opensmur.tablet.CoreNotice;
import org.opensmur.tablet.StorageState;
import org.opensmur.tablet.TabletCore;

/**
 * What the status bar and the journal show of the link and the ledger: the link's state, the Hub's errors
 * and refusals, third parties kept apart, the core's notices, and what waits to leave. Fed by the core's
 * events (handed to the UI thread); the ledger is read off it.
 */
public final class LinkFeed {

    private final TabletCore core;
    private final Background background;
    private final Labels labels;
    private final Clock clock;
    private final StatusBarViewModel statusBar;
    private final MessageLogViewModel log;
    private final AtomicBoolean ledgerRefreshQueued = new AtomicBoolean();

    public LinkFeed(TabletCore core, Background background, Executor ui, Labels labels, Clock clock, StatusBarViewModel statusBar,
                    MessageLogViewModel log) {
        this.core = core;
        this.background = background;
        this.labels = labels;
        this.clock = clock;
        this.statusBar = statusBar;
        this.log = log;
        core.events().subscribe(ConnectionState.class, ui, statusBar::onConnection);
        core.events().subscribe(HubEvent.class, ui, this::onEvent);
        core.events().subscribe(CoreNotice.class, ui, this::onNotice);
        core.onLedgerChange(entry -> ledgerChanged());
        statusBar.onStorage(core.storage());
    }

    private void onNotice(CoreNotice notice) {
        switch (notice) {
            case CoreNotice.AcknowledgementIgnored ignored -> log.inbound(ignored.kind(), "", clock.instant(),
                    labels.format("log.ignoredAck", ignored.from()), ignored.referencedDistributionId());
            case CoreNotice.Storage storage -> statusBar.onStorage(storage.state());
            case CoreNotice.IdentityTriedElsewhere tried -> statusBar.onIdentityTriedElsewhere(tried.at());
            case CoreNotice.MissionPurged purged -> { } // the mission's screens hear it from the mission core
        }
        ledgerChanged();
    }

    private void onEvent(HubEvent event) {
        switch (event) {
            case HubEvent.ErrorReported error -> statusBar.setLastError(labels.format("error.hub",
                    labels.code("hubError", error.code().map(c -> String.valueOf(c.statusCode()))
                            .orElse(String.valueOf(error.error().errorCode().statusCode())))));
            case HubEvent.MessageRejected rejected -> statusBar.setLastError(labels.format("error.rejected",
                    rejected.issues().isEmpty() ? "" : rejected.issues().get(0).path()));
            case HubEvent.MessageFromThirdParty foreign -> {
                String from = org.opensmur.core.rules.Steering.organisation(foreign.message().senderID());
                log.inbound(foreign.message().type().code(), foreign.caseId(), clock.instant(),
                        labels.format("log.thirdParty", from), foreign.message().distributionID());
                statusBar.setLastError(labels.format("thirdParty.ignored", from));
            }
            case HubEvent.MessageConflict conflict -> log.inbound(conflict.message().type().code(),
                    conflict.message().caseId(), clock.instant(), labels.get("log.conflict"), conflict.message().distributionID());
            default -> { }
        }
        ledgerChanged();
    }

    /**
     * The waiting count and the log read the ledger. A draining backlog changes it thousands of times in a
     * burst: they are read again once per burst, not once per change, and never twice for one event.
     */
    public void ledgerChanged() {
        if (ledgerRefreshQueued.compareAndSet(false, true)) {
            background.run(() -> {
                ledgerRefreshQueued.set(false);
                var outbox = core.ledger();
                return new Ledger(outbox.waiting(), outbox.blocked(), outbox.line(), log.read());
            }, ledger -> {
                statusBar.setWaiting(ledger.waiting(), ledger.blocked(), ledger.blocked() == 0 ? null
                        : ModelLine.all().stream().map(ModelLine::name).filter(n -> !n.equals(ledger.line())).findFirst().orElse("?"),
                        ledger.line());
                log.show(ledger.lines());
            }, this::failed);
        }
    }

    /** What the status bar and the log show of the ledger, read in one go off the UI thread. */
    private record Ledger(int waiting, int blocked, String line, List<MessageLogViewModel.Line> lines) {
    }

    /** A failure of the store's work, said on the status bar in the crew's words. */
    public void failed(RuntimeException e) {
        if (e instanceof org.opensmur.core.tablet.StorageProblem store) {
            statusBar.onStorage(StorageState.of(-1, store));
        } else {
            statusBar.setLastError(labels.get("storage.OTHER"));
        }
    }

    /** Called every second by the app's clock: the bar's ages and the clock's offset. */
    public void tick() {
        statusBar.refresh();
        statusBar.onClockOffset(core.clock().skewed() ? core.clock().offset().orElse(null) : null, core.clock().beyondBound());
    }
}
