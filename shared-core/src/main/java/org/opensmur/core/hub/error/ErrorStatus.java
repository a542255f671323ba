package org.opensmur.core.hub.error;

import org.opensmur.core.hub.model.Required;

/** Numeric code and name of an error report. The name is kept as sent: the Hub is not always consistent. */
public record ErrorStatus(@Required Number statusCode, @Required String statusString) {
}
