package org.opensmur.core.bilan;

import org.opensmur.core.hub.model.OnlyIn;
import org.opensmur.core.hub.model.Required;

/** One measured vital sign, value as entered (e.g. "110-120", "12/mn"). */
public record VitalMeasure(
        @Required VitalSign type,
        @Required String value,
        @OnlyIn("3") String precision) {
}
