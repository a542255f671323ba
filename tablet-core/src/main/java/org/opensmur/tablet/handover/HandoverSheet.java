package org.opensmur.tablet.handover;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;

/**
 * The handover sheet: one A4 page (Apache PDFBox) with who the patient is and the mission in time order,
 * in French, as the emergency department files it. The type shrinks to fit the page (down to
 * {@value #SMALLEST} pt); past that the oldest lines are left out and the sheet says how many.
 */
public final class HandoverSheet {

    /** The smallest type the sheet is printed in. */
    static final float SMALLEST = 7f;
    private static final float LARGEST = 11f;
    private static final float MARGIN = 40f;
    private static final DateTimeFormatter HOURS = DateTimeFormatter.ofPattern("HH:mm");
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm");

    private HandoverSheet() {
    }

    /**
     * @param patient     the patient in words ("DUPONT Jean, 54 ans, M" or "Patient inconnu")
     * @param mission     the case and the unit ("Affaire 12345 · SMUR Lyon")
     * @param printedAt   when the sheet is made ("06/12/2026 10:05")
     * @param entries     the timeline, in order
     */
    public static byte[] pdf(String patient, String mission, java.time.OffsetDateTime printedAt, List<HandoverEntry> entries) {
        PDType1Font regular = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
        PDType1Font bold = new PDType1Font(Standard14Fonts.FontName.HELVETICA_BOLD);
        try (PDDocument document = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            PDPage page = new PDPage(PDRectangle.A4);
            document.addPage(page);
            float width = page.getMediaBox().getWidth() - 2 * MARGIN;
            float top = page.getMediaBox().getHeight() - MARGIN;
            float timeColumn = 42f;
            float kindColumn = 78f;
            float textWidth = width - timeColumn - kindColumn;
            // the largest type at which every line fits under the header
            float size = LARGEST;
            List<Row> rows = rows(entries, regular, size, textWidth);
            float room = top - 110f - MARGIN;
            while (size > SMALLEST && height(rows, size) > room) {
                size -= 0.5f;
                rows = rows(entries, regular, size, textWidth);
            }
            int left = 0;
            while (height(rows, size) > room - size * 1.6f && !rows.isEmpty()) {
                // still too long: the oldest lines are dropped whole, and counted
                int entry = rows.get(0).entry();
                while (!rows.isEmpty() && rows.get(0).entry() == entry) {
                    rows.remove(0);
                }
                left++;
            }
            try (PDPageContentStream text = new PDPageContentStream(document, page)) {
                float y = top;
                y = line(text, bold, 16, MARGIN, y, "Fiche de transmission SMUR");
                y -= 4;
                y = line(text, bold, 12, MARGIN, y, fit(regular, patient));
                y = line(text, regular, 10, MARGIN, y, fit(regular, mission));
                y = line(text, regular, 9, MARGIN, y, "Imprimée le " + DAY.format(printedAt)
                        + " · heures de la tablette (horloge corrigée du Hub)");
                y -= 6;
                text.setLineWidth(0.8f);
                text.moveTo(MARGIN, y);
                text.lineTo(MARGIN + width, y);
                text.stroke();
                y -= 4;
                y = header(text, bold, 9, y, timeColumn, kindColumn);
                if (left > 0) {
                    y = line(text, regular, size, MARGIN, y, left + " ligne(s) plus anciennes non imprimées : voir la tablette");
                }
                for (Row row : rows) {
                    float lineHeight = size * 1.3f;
                    y -= lineHeight;
                    if (row.first()) {
                        write(text, bold, size, MARGIN, y, row.time());
                        write(text, regular, size, MARGIN + timeColumn, y, row.kind());
                    }
                    write(text, row.kind().equals(kind(HandoverEntry.Kind.DRUG)) || row.kind().equals(kind(HandoverEntry.Kind.ACT))
                            ? bold : regular, size, MARGIN + timeColumn + kindColumn, y, row.text());
                }
                write(text, regular, 8, MARGIN, MARGIN / 2, fit(regular, entries.size() + " élément(s) · OpenSMUR"));
            }
            document.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("the handover sheet cannot be written", e);
        }
    }

    /** The French word of a kind of line. */
    public static String kind(HandoverEntry.Kind kind) {
        return switch (kind) {
            case STATUS -> "Statut";
            case VITALS -> "Constantes";
            case ACT -> "Acte";
            case DRUG -> "Médicament";
            case MESSAGE -> "Message";
        };
    }

    private record Row(int entry, boolean first, String time, String kind, String text) {
    }

    private static List<Row> rows(List<HandoverEntry> entries, PDType1Font font, float size, float width) {
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < entries.size(); i++) {
            HandoverEntry e = entries.get(i);
            List<String> wrapped = wrap(fit(font, e.text()), font, size, width);
            for (int j = 0; j < wrapped.size(); j++) {
                rows.add(new Row(i, j == 0, HOURS.format(e.at()), kind(e.kind()), wrapped.get(j)));
            }
        }
        return rows;
    }

    private static float height(List<Row> rows, float size) {
        return rows.size() * size * 1.3f;
    }

    /** Words on lines no wider than {@code width} (a word longer than a line is cut). */
    static List<String> wrap(String text, PDType1Font font, float size, float width) {
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String word : text.split(" ")) {
            String tried = line.isEmpty() ? word : line + " " + word;
            if (width(font, size, tried) <= width) {
                line.setLength(0);
                line.append(tried);
                continue;
            }
            if (!line.isEmpty()) {
                lines.add(line.toString());
                line.setLength(0);
            }
            String rest = word;
            while (width(font, size, rest) > width) {
                int cut = rest.length() - 1;
                while (cut > 1 && width(font, size, rest.substring(0, cut)) > width) {
                    cut--;
                }
                lines.add(rest.substring(0, cut));
                rest = rest.substring(cut);
            }
            line.append(rest);
        }
        if (!line.isEmpty() || lines.isEmpty()) {
            lines.add(line.toString());
        }
        return lines;
    }

    private static float width(PDType1Font font, float size, String text) {
        try {
            return font.getStringWidth(text) / 1000f * size;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The text in what the standard fonts can print (WinAnsi: French accents, °, µ, ·): any other sign as '?'. */
    static String fit(PDType1Font font, String text) {
        StringBuilder fitted = new StringBuilder();
        text.codePoints().forEach(c -> {
            String one = c == '\n' || c == '\t' ? " " : new String(Character.toChars(c));
            try {
                font.encode(one);
                fitted.append(one);
            } catch (IOException | IllegalArgumentException e) {
                fitted.append('?');
            }
        });
        return fitted.toString();
    }

    private static float header(PDPageContentStream text, PDType1Font bold, float size, float y, float timeColumn, float kindColumn)
            throws IOException {
        y -= size * 1.4f;
        write(text, bold, size, MARGIN, y, "Heure");
        write(text, bold, size, MARGIN + timeColumn, y, "Quoi");
        write(text, bold, size, MARGIN + timeColumn + kindColumn, y, "Détail");
        return y - 2;
    }

    private static float line(PDPageContentStream text, PDType1Font font, float size, float x, float y, String words) throws IOException {
        y -= size * 1.3f;
        write(text, font, size, x, y, words);
        return y;
    }

    private static void write(PDPageContentStream text, PDType1Font font, float size, float x, float y, String words) throws IOException {
        text.beginText();
        text.setFont(font, size);
        text.newLineAtOffset(x, y);
        text.showText(fit(font, words));
        text.endText();
    }
}
