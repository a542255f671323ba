package org.opensmur.core.hub.client;

import org.opensmur.core.hub.message.HubMessage;

/**
 * Where the client hands the messages it must send (RC-REF acknowledgements): the offline store's
 * outbox in the app, so that nothing is lost offline; a direct publication in tools and tests.
 */
@FunctionalInterface
public interface MessageSender {
    void send(HubMessage message);
}
