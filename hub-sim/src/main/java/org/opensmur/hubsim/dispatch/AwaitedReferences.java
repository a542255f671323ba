package org.opensmur.hubsim.dispatch;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.opensmur.core.hub.message.HubMessage;
import org.opensmur.core.reference.Reference;
import org.opensmur.core.status.ResourcesStatus;
import org.opensmur.tablet.owed.OwedAcknowledgements;

/**
 * What the dispatcher routed that its recipient must integrate (the types with a deadline, {@link OwedAcknowledgements}),
 * until the recipient's RC-REF for it passes the other way: so that the demo names every message the tablet app
 * sent that was never acknowledged (it cannot ask the app's ledger), as it does for the headless tablet.
 */
public final class AwaitedReferences {

    private record Awaited(long seq, String sender, String what) {
    }

    private final Map<String, Awaited> awaited = new LinkedHashMap<>();
    /** Every one routed (a demo's worth: a few dozen a scenario). */
    private final List<Awaited> all = new ArrayList<>();
    private long routed;

    /** A message routed: awaited when its type must be integrated; an RC-REF settles what it references. */
    public synchronized void routed(HubMessage message) {
        if (message.payload() instanceof Reference reference) {
            awaited.remove(reference.distributionID());
        } else if (OwedAcknowledgements.deadline(message.type()).isPresent()) {
            String what = message.type().code() + (message.payload() instanceof ResourcesStatus status ? " " + status.state().status().code() : "")
                    + " " + message.distributionID() + " to " + message.recipientID();
            Awaited one = new Awaited(++routed, message.senderID(), what);
            if (awaited.putIfAbsent(message.distributionID(), one) == null) { // a copy sent again is the same message
                all.add(one);
            } else {
                routed--;
            }
        }
    }

    /** A mark: {@link #since} counts what is routed after it. */
    public synchronized long mark() {
        return routed;
    }

    /** How many messages of {@code sender} that must be integrated were routed after {@code mark}. */
    public synchronized int routedSince(String sender, long mark) {
        return (int) all.stream().filter(a -> a.seq() > mark && a.sender().equals(sender)).count();
    }

    /** What {@code sender} sent after {@code mark} that still awaits its RC-REF, in words, oldest first. */
    public synchronized List<String> since(String sender, long mark) {
        List<String> open = new ArrayList<>();
        awaited.values().stream().filter(a -> a.seq() > mark && a.sender().equals(sender)).forEach(a -> open.add(a.what()));
        return open;
    }
}
