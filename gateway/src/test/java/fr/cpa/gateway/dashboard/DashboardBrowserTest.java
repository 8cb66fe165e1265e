package fr.cpa.gateway.dashboard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.cpa.gateway.upstream.StandInFigures;
import fr.cpa.gateway.upstream.UpstreamTestResource;
import fr.cpa.testing.JwtKeysTestResource;
import fr.cpa.testing.TestTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.File;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The dashboard in a real browser (headless Chromium through Selenium), on the gateway under test
 * whose stand-in services serve the fixed figures of src/test/resources/stand-in: account,
 * catalogue and training-rights answer, hardship and civic-engagement are down. Skipped, saying
 * how to install them, where Debian's chromium and chromium-driver are absent (CI installs them).
 * The screenshot is target/dashboard.png.
 */
@QuarkusTest
@QuarkusTestResource(JwtKeysTestResource.class)
@QuarkusTestResource(UpstreamTestResource.class)
class DashboardBrowserTest {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    private static final Duration PATIENCE = Duration.ofSeconds(30);

    /** Chart.js's own record of a chart: its labels, and each dataset's label and values. */
    private static final String CHART_DATA = """
            const chart = Chart.getChart(document.getElementById(arguments[0]));
            if (!chart) return null;
            return {labels: chart.data.labels,
                    datasets: chart.data.datasets.map(d => ({label: d.label, data: d.data})),
                    legend: chart.legend.legendItems.map(i => i.text),
                    width: chart.canvas.width, height: chart.canvas.height};
            """;

    @TestHTTPResource("/dashboard")
    URL dashboard;

    /** One browser for the class: starting Chromium is the slow part. */
    static WebDriver browser;

    @BeforeAll
    static void openBrowser() {
        Assumptions.assumeTrue(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
                "the dashboard's browser test needs headless Chromium and its driver: apt-get install chromium chromium-driver");
        ChromeOptions options = new ChromeOptions()
                .setBinary(CHROMIUM.toFile())
                .addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
                        "--window-size=1400,3000");
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build();
        browser = new ChromeDriver(service, options);
    }

    @AfterAll
    static void closeBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    /** Each test starts signed out: the page keeps its token in the tab's session storage. */
    @BeforeEach
    void signedOut() {
        browser.get(dashboard.toString());
        ((JavascriptExecutor) browser).executeScript("sessionStorage.clear()");
        browser.get(dashboard.toString());
    }

    @Test
    void theDemoAdvisorSeesEveryServicesFiguresAsChartsAndTablesAndTheOperationsPanelInRed() throws Exception {
        WebDriverWait wait = new WebDriverWait(browser, PATIENCE);
        wait.until(ExpectedConditions.elementToBeClickable(By.id("demo-login"))).click();
        wait.until(ExpectedConditions.attributeToBe(By.tagName("body"), "data-state", "ready"));
        screenshot("dashboard.png");

        // Training rights: credits by year, one series per kind (top-ups by funder), in euros.
        Map<String, Object> credits = chart("cpf-credits");
        assertEquals(List.of("2024", "2025"), credits.get("labels"));
        assertEquals(Map.of("ACQUISITION", List.of(20_000.0, 21_000.0), "TOP_UP · EMPLOYER", List.of(0.0, 1_500.0),
                "TOP_UP · REGION", List.of(0.0, 800.0), "CEC", List.of(0.0, 720.0)), series(credits));
        assertEquals(List.of("ACQUISITION", "TOP_UP · EMPLOYER", "TOP_UP · REGION", "CEC"), credits.get("legend"));
        assertDrawn(credits);
        Map<String, Object> spending = chart("cpf-spending");
        JsonArray months = StandInFigures.stats("training-rights").getJsonArray("spendingByMonth");
        assertEquals(months.stream().map(m -> ((JsonObject) m).getString("month")).toList(), spending.get("labels"));
        assertEquals(euros(months, "held"), series(spending).get("held"));
        assertEquals(euros(months, "captured"), series(spending).get("captured"));
        assertEquals(euros(months, "released"), series(spending).get("released"));

        // Accounts: declarations per day, holders by status, rejection rate and reasons.
        JsonObject accounts = StandInFigures.stats("account");
        JsonArray days = accounts.getJsonArray("declarationsByDay");
        Map<String, Object> declarations = chart("accounts-declarations");
        assertEquals(days.stream().map(d -> ((JsonObject) d).getString("date")).toList(), declarations.get("labels"));
        assertEquals(counts(days, "received"), series(declarations).get("received"));
        assertEquals(counts(days, "rejected"), series(declarations).get("rejected"));
        assertDrawn(declarations);
        assertEquals(Map.of("holders", List.of(120.0, 35.0, 7.0)), series(chart("accounts-holders")));
        assertEquals("12,5 %", text(browser.findElement(By.id("accounts-rejection-rate"))));
        assertEquals(List.of(List.of("employees[].nir: invalid key", "3"), List.of("siret: unknown establishment", "1")),
                rows("accounts-reasons"));

        // Catalogue: offers by region (by name), enrolments by state and region, top certifications.
        Map<String, Object> regions = chart("catalogue-regions");
        assertEquals(List.of("Île-de-France", "Auvergne-Rhône-Alpes", "Provence-Alpes-Côte d'Azur"), regions.get("labels"));
        assertEquals(Map.of("offers", List.of(1200.0, 640.0, 410.0)), series(regions));
        Map<String, Object> enrolments = chart("catalogue-enrolments");
        assertEquals(regions.get("labels"), enrolments.get("labels"));
        assertEquals(Map.of("REQUESTED", List.of(3.0, 0.0, 0.0), "CONFIRMED", List.of(5.0, 2.0, 0.0),
                "CANCELLED", List.of(0.0, 0.0, 1.0)), series(enrolments));
        assertEquals(Map.of("offers", List.of(900.0, 1350.0)), series(chart("catalogue-certification-types")));
        assertEquals(List.of(List.of("RNCP1234", "Soudeur TIG", "5", "6 000,00 €"),
                List.of("RS5210", "Habilitation électrique", "3", "1 350,00 €")), rows("catalogue-top"));

        // Hardship and civic engagement are down: said so, no chart.
        for (String section : List.of("c2p", "cec")) {
            WebElement panel = browser.findElement(By.id(section));
            assertEquals("unavailable", panel.getAttribute("data-state"));
            assertTrue(text(panel.findElement(By.className("unavailable-note"))).startsWith("Unavailable (HTTP 503"), section);
        }

        // Operations: red, because account-service has dead letters and two services are unreachable.
        WebElement operations = browser.findElement(By.id("operations"));
        assertTrue(operations.getAttribute("class").contains("alert"), operations.getAttribute("class"));
        assertEquals("3 service(s) need attention", text(browser.findElement(By.id("operations-verdict"))));
        assertEquals(List.of(
                        List.of("account-service", "UP", "2", "1", "4", "12"),
                        List.of("catalogue-service", "UP", "0", "0", "0", "0"),
                        List.of("civic-engagement-service", "UNREACHABLE (unreachable)", "–", "–", "–", "–"),
                        List.of("hardship-service", "UNREACHABLE (unreachable)", "–", "–", "–", "–"),
                        List.of("training-rights-service", "UP", "0", "0", "0", "0")),
                rows("operations-table"));
        assertEquals(List.of("account", "civic-engagement", "hardship"), browser
                .findElements(By.cssSelector("#operations-table tr.alert")).stream().map(tr -> tr.getAttribute("data-service")).toList());
    }

    @Test
    void aPastedTokenIsUsedAndAHoldersIsRefusedTheOperationsFigures() {
        WebDriverWait wait = new WebDriverWait(browser, PATIENCE);
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("token")))
                .sendKeys(TestTokens.holder(UUID.randomUUID()));
        browser.findElement(By.id("use-token")).click();
        wait.until(ExpectedConditions.attributeToBe(By.tagName("body"), "data-state", "ready"));

        WebElement operations = browser.findElement(By.id("operations"));
        assertEquals("unavailable", operations.getAttribute("data-state"));
        assertTrue(text(operations.findElement(By.className("unavailable-note"))).startsWith("Unavailable (HTTP 403"));
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> chart(String id) {
        Object data = ((JavascriptExecutor) browser).executeScript(CHART_DATA, id);
        assertTrue(data instanceof Map, "no chart drawn in #" + id);
        return (Map<String, Object>) data;
    }

    /** Each dataset's values by its label, as doubles (the browser gives longs and doubles). */
    @SuppressWarnings("unchecked")
    private static Map<String, List<Double>> series(Map<String, Object> chart) {
        return ((List<Map<String, Object>>) chart.get("datasets")).stream().collect(Collectors.toMap(
                d -> (String) d.get("label"),
                d -> ((List<Number>) d.get("data")).stream().map(Number::doubleValue).toList()));
    }

    private static void assertDrawn(Map<String, Object> chart) {
        assertTrue(((Number) chart.get("width")).intValue() > 100 && ((Number) chart.get("height")).intValue() > 100,
                "canvas " + chart.get("width") + "×" + chart.get("height"));
    }

    private static List<Double> euros(JsonArray rows, String field) {
        return rows.stream().map(r -> ((JsonObject) r).getJsonObject(field).getLong("amount") / 100.0).toList();
    }

    private static List<Double> counts(JsonArray rows, String field) {
        return rows.stream().map(r -> ((JsonObject) r).getLong(field).doubleValue()).toList();
    }

    private List<List<String>> rows(String tableId) {
        return browser.findElements(By.cssSelector("#" + tableId + " tbody tr")).stream()
                .map(tr -> tr.findElements(By.tagName("td")).stream().map(DashboardBrowserTest::text).toList())
                .toList();
    }

    /** The element's text with the narrow and non-breaking spaces of French number formats made plain. */
    private static String text(WebElement element) {
        return element.getText().replace('\u202f', ' ').replace('\u00a0', ' ').trim();
    }

    private void screenshot(String name) throws Exception {
        File shot = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE);
        Path target = Path.of("target", name);
        Files.createDirectories(target.getParent());
        Files.copy(shot.toPath(), target, StandardCopyOption.REPLACE_EXISTING);
    }
}
