package org.opensmur.core.hub.validation;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.opensmur.core.hub.message.MessageType;

/**
 * How a model line writes a payload where its shape differs from the model records' (the current line's):
 * e.g. model 2.0 writes a GEO-POS {@code coord} as a one-item array. Both directions change the payload
 * object in place; a line that writes like the records is {@link #IDENTITY}.
 */
interface WireForm {

    WireForm IDENTITY = new WireForm() {
        @Override
        public ObjectNode toWire(MessageType type, ObjectNode payload) {
            return payload;
        }

        @Override
        public ObjectNode fromWire(MessageType type, ObjectNode payload) {
            return payload;
        }
    };

    ObjectNode toWire(MessageType type, ObjectNode payload);

    ObjectNode fromWire(MessageType type, ObjectNode payload);
}
