package org.opensmur.oru.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.openqa.selenium.TakesScreenshot;
import org.opensmur.core.hub.validation.ModelLine;
import org.opensmur.oru.Oru;
import org.opensmur.oru.Records;
import org.opensmur.oru.TestDatabases;
import org.opensmur.oru.hub.Concentrator;
import org.opensmur.oru.hub.NoHub;
import org.opensmur.oru.quality.Nomenclatures;
import org.opensmur.oru.store.Audit;

/**
 * The dashboard in a real browser (Debian's Chromium, headless, through its chromedriver): a wrong
 * password is refused; an administrator logs in, reads the month view and a record's history; a viewer
 * asking for identities is refused; every view is in the audit log. Screenshots go to
 * {@code oru/target/screenshots} (or {@code -Doru.screenshots=DIR}).
 */
class DashboardBrowserTest {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path DRIVER = Path.of("/usr/bin/chromedriver");
    private static final String ADMIN_PASSWORD = "admin password for the test";
    private static final String VIEWER_PASSWORD = "viewer password for the test";
    /** How long a look-up waits for an element to appear: the whole of it when the element is never there. */
    private static final Duration IMPLICIT_WAIT = Duration.ofSeconds(5);

    @TempDir
    Path dir;
    private Oru oru;
    private WebDriver browser;
    private String base;
    private long conflicted;
    private String patientId;

    @BeforeEach
    void start() {
        if (!Files.isExecutable(CHROMIUM) || !Files.isExecutable(DRIVER)) {
            if ("true".equals(System.getenv("CI"))) {
                fail("Chromium and its driver are missing (CI: .ci/run installs chromium and chromium-driver)");
            }
            assumeTrue(false, "skipped: no " + CHROMIUM + " or " + DRIVER + " (apt-get install chromium chromium-driver)");
        }
        oru = new Oru(TestDatabases.open("sqlite", dir), Nomenclatures.none(), UsersTest.CHEAP, Clock.systemUTC());
        oru.users().add("admin", ADMIN_PASSWORD.toCharArray(), Users.Role.ADMINISTRATOR);
        oru.users().add("lecteur", VIEWER_PASSWORD.toCharArray(), Users.Role.VIEWER);
        Concentrator concentrator = oru.receive(new NoHub(), Records.ORU, ModelLine.CURRENT, Clock.systemUTC());
        Records records = new Records(ModelLine.CURRENT);
        for (String name : List.of("AliceNormand", "GregoireNormand", "DelphineVigneau")) {
            concentrator.receive(records.bytes(Records.TABLET, records.example(name)));
        }
        ObjectNode alice = records.example("AliceNormand");
        patientId = alice.at("/patient/patientId").asText();
        ObjectNode lrm = alice.deepCopy();
        Records.shift(lrm, "/intervention/smurStatus/arrivedSmur", 6);
        conflicted = concentrator.receive(records.bytes(Records.LRM, lrm)).recordId();
        ObjectNode late = records.example("DelphineVigneau");
        Records.shift(late, "/intervention/smurStatus/departSmur", 120);
        concentrator.receive(records.bytes(Records.TABLET, late));
        base = "http://127.0.0.1:" + oru.serve("127.0.0.1", 0);

        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--user-data-dir=" + dir.resolve("chromium-profile"), "--window-size=1280,1100", "--lang=fr-FR");
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(DRIVER.toFile()).usingAnyFreePort().build();
        browser = new ChromeDriver(service, options);
        browser.manage().timeouts().implicitlyWait(IMPLICIT_WAIT);
    }

    @AfterEach
    void stop() {
        if (browser != null) {
            browser.quit();
        }
        if (oru != null) {
            oru.close();
        }
    }

    private void login(String name, String password) {
        browser.get(base + "/");
        assertTrue(browser.getCurrentUrl().endsWith("/login"), "sent to the login first: " + browser.getCurrentUrl());
        browser.findElement(By.id("name")).sendKeys(name);
        browser.findElement(By.id("password")).sendKeys(password);
        browser.findElement(By.id("login")).click();
        // the click returns before the answer is loaded: wait for the page it leads to, or the refusal
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(ExpectedConditions.or(
                ExpectedConditions.urlContains("/month/"), ExpectedConditions.presenceOfElementLocated(By.id("login-error"))));
    }

    private void screenshot(String name) throws Exception {
        Path folder = Path.of(System.getProperty("oru.screenshots", "target/screenshots"));
        Files.createDirectories(folder);
        File shot = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE);
        Files.copy(shot.toPath(), folder.resolve("oru-" + name + ".png"), StandardCopyOption.REPLACE_EXISTING);
    }

    @Test
    void anAdministratorReadsTheMonthAndARecordsHistoryAViewerIsRefusedIdentities() throws Exception {
        login("admin", "not the password");
        assertTrue(browser.findElement(By.id("login-error")).getText().contains("incorrect"));
        // the refusal is shown (login waited for it): the page is whole, its absence needs no implicit wait (it would wait 5 s)
        browser.manage().timeouts().implicitlyWait(Duration.ZERO);
        assertTrue(browser.findElements(By.id("smur-table")).isEmpty(), "nothing shown");
        browser.manage().timeouts().implicitlyWait(IMPLICIT_WAIT);

        login("admin", ADMIN_PASSWORD);
        String month = oru.store().months().get(0).month();
        assertTrue(browser.getCurrentUrl().endsWith("/month/" + month), browser.getCurrentUrl());
        List<WebElement> rows = browser.findElements(By.cssSelector("#smur-table tr"));
        int records = oru.store().month(month).stream().mapToInt(r -> r.records()).sum();
        assertEquals(oru.store().month(month).size() + 1, rows.size(), "one row per SMUR unit");
        assertTrue(browser.findElement(By.id("summary")).getText().startsWith(records + " interventions"));
        assertFalse(browser.findElements(By.cssSelector("#plot-completeness rect")).isEmpty(), "the completeness plot is drawn");
        assertFalse(browser.findElements(By.cssSelector("#plot-delays rect")).isEmpty(), "the delays plot is drawn");
        assertTrue(browser.findElement(By.id("records")).getText().contains("/intervention/smurStatus/arrivedSmur: before"),
                "the record whose departure comes after its arrival is listed to be reviewed");
        screenshot("month");

        browser.findElement(By.cssSelector("a.record-link[href='/record/" + conflicted + "']")).click();
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(ExpectedConditions.urlContains("/record/"));
        String history = browser.findElement(By.id("history")).getText();
        assertTrue(history.contains(Records.TABLET) && history.contains(Records.LRM), history);
        assertTrue(browser.findElement(By.id("fields")).getText().contains("selon " + Records.LRM), "the disagreement is shown");
        assertFalse(browser.getPageSource().contains(patientId), "identities masked until asked for");
        browser.findElement(By.id("show-identities")).click();
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(ExpectedConditions.urlContains("identities=1"));
        assertTrue(browser.getPageSource().contains(patientId));
        screenshot("record");
        browser.findElement(By.id("logout")).click();
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(ExpectedConditions.urlContains("/login"));

        login("lecteur", VIEWER_PASSWORD);
        browser.get(base + "/record/" + conflicted + "?identities=1");
        assertTrue(browser.findElement(By.id("forbidden")).getText().contains("réservées aux administrateurs"));
        assertFalse(browser.getPageSource().contains(patientId));
        browser.get(base + "/export?from=2000-01-01&to=2100-01-01&identities=1");
        assertTrue(browser.findElement(By.id("forbidden")).isDisplayed());
        browser.get(base + "/audit");
        assertTrue(browser.getPageSource().contains("Réservé aux administrateurs"));

        List<Audit.Entry> log = oru.audit().latest(100);
        assertTrue(log.stream().anyMatch(e -> e.user().equals("admin") && e.action().equals("login refused")));
        assertTrue(log.stream().anyMatch(e -> e.user().equals("admin") && e.action().equals("view month") && e.detail().equals(month)));
        assertTrue(log.stream().anyMatch(e -> e.user().equals("admin") && e.action().equals("view record with identities")));
        assertEquals(2, log.stream().filter(e -> e.user().equals("lecteur") && e.action().equals("identities refused")).count());
        assertTrue(log.stream().noneMatch(e -> e.detail().contains(patientId)), "no identity in the audit log");
    }
}
