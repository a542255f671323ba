package org.opensmur.core.rules;

import java.util.Set;
import org.opensmur.core.hub.message.MessageType;

/**
 * Who may steer a mission. Any Hub participant can publish to the tablet (the Hub routes by recipient and
 * vouches only for the sender's id), so a case has an owner: the party whose message about it came first.
 * The tablet's own SAMU (its LRM client id) and the partners its settings list are trusted: they may always
 * speak about a case, and take it over from an untrusted owner. Anyone else may speak only about a case it
 * owns. What is refused is kept apart, answered as the Hub expects and never changes the mission.
 */
public final class Steering {

    private Steering() {
    }

    /** The message types that change a case or a mission, and so have to come from its owner. */
    public static boolean steers(MessageType type) {
        return switch (type) {
            case RS_EDA, RS_EDA_MAJ, RS_ER, RS_RI -> true;
            default -> false;
        };
    }

    /** Whether {@code sender} may change a case owned by {@code owner} (null: nobody spoke about it yet). */
    public static boolean mayChange(String owner, String sender, Set<String> trusted) {
        return owner == null || owner.equals(sender) || trusted.contains(sender);
    }

    /** The owner once {@code sender}'s message is applied: the first speaker, unless a trusted party takes it over. */
    public static String ownerAfter(String owner, String sender, Set<String> trusted) {
        if (owner == null) {
            return sender;
        }
        return trusted.contains(sender) && !trusted.contains(owner) ? sender : owner;
    }

    /** The organisation a client id speaks for, for people: {@code fr.health.samu690.lrm} is {@code fr.health.samu690}. */
    public static String organisation(String clientId) {
        String[] parts = clientId.split("\\.");
        return parts.length <= 3 ? clientId : String.join(".", parts[0], parts[1], parts[2]);
    }
}
