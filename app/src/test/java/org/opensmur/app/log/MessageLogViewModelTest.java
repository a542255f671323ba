package org.opensmur.app.log;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.opensmur.app.ui.Labels;

class MessageLogViewModelTest {

    private static MessageLogViewModel.Line out(String type, String caseId, String what, int second) {
        Instant at = Instant.parse("2026-11-30T10:00:00Z").plusSeconds(second);
        return new MessageLogViewModel.Line("→", type, caseId, "t" + second, what, "reçu", "id-" + second, at, 1);
    }

    @Test
    void runsOfPositionsAndAcknowledgementsFoldIntoOneLineAndWhatTheCrewDidStaysInSight() {
        MessageLogViewModel log = new MessageLogViewModel(null, Labels.french(), e -> "", r -> "le SAMU");
        log.show(List.of(
                out("GEO-POS", "", "Position envoyée", 1),
                out("GEO-POS", "", "Position envoyée", 2),
                out("RS-SR", "case-A", "Statut « Départ »", 3),
                out("GEO-POS", "", "Position envoyée", 4),
                out("GEO-POS", "", "Position envoyée", 5),
                out("GEO-POS", "", "Position envoyée", 6)));
        List<String> shown = log.lines().stream().map(MessageLogViewModel.Line::what).toList();
        assertEquals(List.of("Position envoyée ×3", "Statut « Départ »", "Position envoyée ×2"), shown, "newest first, runs folded");
        assertEquals("t6", log.lines().get(0).when(), "a folded run shows its newest message");
        assertEquals(3, log.lines().get(0).count());
    }

    @Test
    void theCaseFilterIsChosenFromTheCasesTheJournalHolds() {
        MessageLogViewModel log = new MessageLogViewModel(null, Labels.french(), e -> "", r -> "le SAMU");
        log.inbound("RS-EDA", "case-B", Instant.parse("2026-11-30T09:59:00Z"), "", "in-1");
        log.show(List.of(out("RS-SR", "case-A", "Statut « Départ »", 3), out("RS-RI", "case-B", "Réponse à l'engagement", 4)));
        assertEquals(List.of("", "case-A", "case-B"), log.cases(), "all cases, then each case");
        assertEquals("Dossier reçu du SAMU", log.lines().get(2).what(), "a received case in words, not its Hub code");
        log.caseFilterProperty().set("case-B");
        assertEquals(List.of("RS-RI", "RS-EDA"), log.lines().stream().map(MessageLogViewModel.Line::type).toList());
        log.caseFilterProperty().set("");
        assertEquals(3, log.lines().size());
    }
}
