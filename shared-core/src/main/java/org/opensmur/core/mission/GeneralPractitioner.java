package org.opensmur.core.mission;

import java.util.List;
import org.opensmur.core.hub.model.Required;

/** The patient's general practitioner. */
public record GeneralPractitioner(
        @Required PersonName detailedName,
        String rppsId,
        List<PersonalContact> contact) {
}
