package org.opensmur.core.hub.model;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A code that exists in one model line only (e.g. {@code FINMED} in 2.0, {@code FINPEC} from 3.0): the
 * other lines' rules refuse it. On a record component: a property only that line has. Without it, a
 * code or a property belongs to every line.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.FIELD, ElementType.RECORD_COMPONENT})
public @interface OnlyIn {
    /** The model line: {@code "2.0"} or {@code "3"}. */
    String value();
}
