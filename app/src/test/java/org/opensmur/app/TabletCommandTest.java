package org.opensmur.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.opensmur.app.ui.Theme;

/** The tablet's command line explains itself and takes both option spellings. */
class TabletCommandTest {

    private record Run(DesktopMain.Parsed parsed, String out, String err) {
    }

    private static Run parse(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        DesktopMain.Parsed parsed = DesktopMain.parse(args, new PrintWriter(out, true), new PrintWriter(err, true));
        return new Run(parsed, out.toString(), err.toString());
    }

    @Test
    void helpListsEveryOptionAndExitsZero() {
        Run run = parse("--help");
        assertEquals(0, run.parsed().exit());
        for (String option : new String[] {"--hub-dir", "--hub-config", "--store", "--tiles", "--lang", "--theme", "--nmea",
            "--restore-store", "--lock-after", "--keep-missions", "OPENSMUR_STORE_SECRET", "PIN"}) {
            assertTrue(run.out().contains(option), option + " missing from:\n" + run.out());
        }
    }

    @Test
    void bothSpellingsOfAnOptionAreTaken() {
        Run equals = parse("--lang=en", "--theme=night", "--store=/tmp/a");
        Run space = parse("--lang", "en", "--theme", "NIGHT", "--store", "/tmp/a");
        for (Run run : new Run[] {equals, space}) {
            assertNull(run.parsed().exit(), run.err());
            assertEquals(Locale.ENGLISH, run.parsed().command().locale());
            assertEquals(Theme.NIGHT, run.parsed().command().theme());
            assertEquals(Path.of("/tmp/a"), run.parsed().command().store());
        }
        assertEquals(Locale.FRENCH, parse().parsed().command().locale(), "French unless asked");
    }

    @Test
    void aBadValueNamesTheOptionAndTheValuesItTakesWithoutAStackTrace() {
        Run run = parse("--theme", "pink");
        assertEquals(2, run.parsed().exit());
        assertTrue(run.err().contains("--theme") && run.err().contains("DAY") && run.err().contains("SUNLIGHT"), run.err());
        assertTrue(!run.err().contains("Exception") && !run.err().contains("\tat "), run.err());
        for (String option : new String[] {"--lock-after", "--keep-missions"}) {
            Run negative = parse(option, "-1");
            assertEquals(2, negative.parsed().exit(), option);
            assertTrue(negative.err().contains(option), negative.err());
        }
        assertEquals(java.time.Duration.ofHours(72), parse().parsed().command().keepMissions(), "72 h unless told");
        assertEquals(java.time.Duration.ofMinutes(5), parse().parsed().command().lockAfter(), "5 min unless told");
        Run unknown = parse("--colour", "red");
        assertEquals(2, unknown.parsed().exit());
        assertTrue(unknown.err().contains("--colour"), unknown.err());
    }

    @org.junit.jupiter.api.io.TempDir
    Path dir;

    @Test
    void nomenclaturesInstallTheHubsListsWithTheirCommitAndAMalformedFileIsRefusedSayingWhy() throws Exception {
        Path official = org.opensmur.core.conformance.SharedCorpus.root().resolve("nomenclatures");
        Path store = dir.resolve("store");
        Run run = parse("--store", store.toString(), "--nomenclatures", official.toString());
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        assertEquals(0, DesktopMain.installLists(run.parsed().command(), new PrintWriter(out, true), new PrintWriter(err, true)), err.toString());
        for (String list : new String[] {"fait", "motif", "lieu"}) {
            assertTrue(out.toString().contains("list " + list + " installed from HubSante." + list + ".csv"), out.toString());
        }
        var fait = new org.opensmur.core.nomenclature.NomenclatureFolder(org.opensmur.app.settings.TabletSettings.nomenclatureFolder(store))
                .load(org.opensmur.core.nomenclature.NomenclatureList.FAIT).orElseThrow();
        assertTrue(fait.source().contains("commit"), "the Hub models' commit named: " + fait.source());

        Path bad = dir.resolve("diagnostic.csv");
        java.nio.file.Files.writeString(bad, ",code,label_n1\n0,I21 bis,Infarctus\n");
        StringWriter refused = new StringWriter();
        assertEquals(1, DesktopMain.installLists(parse("--store", store.toString(), "--nomenclatures", bad.toString()).parsed().command(),
                new PrintWriter(new StringWriter(), true), new PrintWriter(refused, true)));
        assertTrue(refused.toString().contains("list file diagnostic.csv refused: row 1 (after the header): code I21 bis is not of the form"),
                refused.toString());
    }
}
