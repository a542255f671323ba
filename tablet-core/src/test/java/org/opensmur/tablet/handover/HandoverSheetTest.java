package org.opensmur.tablet.handover;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

/** The handover sheet is one page that says the whole mission in order, whatever its length. */
class HandoverSheetTest {

    private static final OffsetDateTime T = OffsetDateTime.parse("2026-12-06T10:30:00+01:00");

    static List<HandoverEntry> cardiacArrest() {
        return List.of(new HandoverEntry(T, HandoverEntry.Kind.STATUS, "Départ"),
                new HandoverEntry(T.plusMinutes(9), HandoverEntry.Kind.STATUS, "Arrivée sur les lieux"),
                new HandoverEntry(T.plusMinutes(10), HandoverEntry.Kind.VITALS, "Fréquence cardiaque 0 · SpO2 imprenable (O2 15 L/min)"),
                new HandoverEntry(T.plusMinutes(10), HandoverEntry.Kind.ACT, "Massage cardiaque externe"),
                new HandoverEntry(T.plusMinutes(12), HandoverEntry.Kind.DRUG, "Adrénaline 1 mg IV"),
                new HandoverEntry(T.plusMinutes(14), HandoverEntry.Kind.ACT, "Intubation"),
                new HandoverEntry(T.plusMinutes(16), HandoverEntry.Kind.DRUG, "Adrénaline 1 mg IV"),
                new HandoverEntry(T.plusMinutes(20), HandoverEntry.Kind.DRUG, "Adrénaline 1 mg IV"),
                new HandoverEntry(T.plusMinutes(24), HandoverEntry.Kind.VITALS, "Fréquence cardiaque 110 · Pression artérielle 95/60 → ≥ 90"),
                new HandoverEntry(T.plusMinutes(26), HandoverEntry.Kind.MESSAGE, "RS-BPV · reçu par le SAMU"));
    }

    @Test
    void oneA4PageSaysWhoAndEveryFactInOrderAndIsRenderedForAPersonToLookAt() throws Exception {
        byte[] pdf = HandoverSheet.pdf("DUPONT Jean · 54 ans", "Affaire fr.health.samu440.DRFR1544024", T.plusMinutes(30), cardiacArrest());
        try (PDDocument document = Loader.loadPDF(pdf)) {
            assertEquals(1, document.getNumberOfPages());
            String text = new PDFTextStripper().getText(document);
            assertTrue(text.contains("Fiche de transmission SMUR") && text.contains("DUPONT Jean · 54 ans"), text);
            int last = -1;
            for (String fact : List.of("Départ", "Arrivée sur les lieux", "Fréquence cardiaque 0", "Massage cardiaque externe",
                    "10:42 Médicament Adrénaline 1 mg IV", "Intubation", "10:46 Médicament Adrénaline 1 mg IV",
                    "10:50 Médicament Adrénaline 1 mg IV", "Fréquence cardiaque 110", "RS-BPV")) {
                int at = text.indexOf(fact, last + 1);
                assertTrue(at > last, fact + " after what came before it in:\n" + text);
                last = at;
            }
            assertTrue(text.contains("? 90"), "a sign the standard fonts lack is printed as '?', never dropped silently: " + text);
            Path png = Path.of("target", "handover-sheet.png");
            Files.createDirectories(png.getParent());
            ImageIO.write(new PDFRenderer(document).renderImageWithDPI(0, 80), "png", png.toFile()); // looked at by a person
        }
    }

    @Test
    void aLongMissionStaysOnOnePageItsTypeSmallerAndTheOldestLinesLeftOutAreCounted() throws Exception {
        List<HandoverEntry> many = new ArrayList<>();
        for (int i = 0; i < 150; i++) {
            many.add(new HandoverEntry(T.plusMinutes(i), HandoverEntry.Kind.VITALS, "Série " + i + " Fréquence cardiaque 80"));
        }
        try (PDDocument document = Loader.loadPDF(HandoverSheet.pdf("Patient inconnu", "Affaire X", T, many))) {
            assertEquals(1, document.getNumberOfPages());
            String text = new PDFTextStripper().getText(document);
            assertTrue(text.contains("Série 149 "), "the latest facts are printed");
            assertTrue(!text.contains("Série 0 "), "the oldest are left out");
            assertTrue(text.matches("(?s).*\\d+ ligne\\(s\\) plus anciennes non imprimées.*"), "and counted: " + text);
        }
        try (PDDocument document = Loader.loadPDF(HandoverSheet.pdf("Patient inconnu", "Affaire X", T, many.subList(0, 60)))) {
            String text = new PDFTextStripper().getText(document);
            assertTrue(text.contains("Série 0 ") && text.contains("Série 59 ") && !text.contains("non imprimées"),
                    "sixty lines fit in a smaller type: " + text);
        }
    }
}
