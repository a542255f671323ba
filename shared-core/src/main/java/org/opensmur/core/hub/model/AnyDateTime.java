package org.opensmur.core.hub.model;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The date only has to be an RFC 3339 date-time (the envelope dates: the schema gives no pattern there).
 * Without it, a date field must follow the Hub's strict form {@code yyyy-MM-ddTHH:mm:ss±HH:mm}.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.RECORD_COMPONENT, ElementType.FIELD})
public @interface AnyDateTime {
}
