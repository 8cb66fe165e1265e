package fr.cpa.e2e;

import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 10: the dashboard in headless Chromium on the running suite — the gateway's /dashboard with
 * the five services behind it, after the scenarios wrote their data (the demo catalogue, holders,
 * declarations, credits, enrolments). The advisor logs in with the local profile's demo button; every
 * section is drawn, the charts hold the very figures the stats endpoints answer, and the operations
 * panel lists every service up. Screenshot: target/dashboard-e2e.png. Skipped, saying how to install
 * them, where Chromium and its driver are absent (CI installs them).
 */
@ExtendWith(SuiteExtension.class)
@Order(Integer.MAX_VALUE - 5) // after the scenarios, before the faults and the hostile battery
class DashboardE2ETest {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

    private static WebDriver browser;

    @BeforeAll
    static void openBrowser() {
        Assumptions.assumeTrue(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
                "the dashboard's browser test needs headless Chromium and its driver: apt-get install chromium chromium-driver");
        ChromeOptions options = new ChromeOptions().setBinary(CHROMIUM.toFile())
                .addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu", "--window-size=1400,3200");
        browser = new ChromeDriver(new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort().build(), options);
    }

    @AfterAll
    static void closeBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void theAdvisorSeesTheSuitesOwnFiguresInEverySection() throws Exception {
        browser.get(SuiteExtension.stack().gatewayUrl() + "/dashboard");
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(60));
        wait.until(ExpectedConditions.elementToBeClickable(By.id("demo-login"))).click();
        wait.until(ExpectedConditions.attributeToBe(By.tagName("body"), "data-state", "ready"));
        screenshot();

        for (String section : List.of("operations", "cpf", "accounts", "catalogue", "c2p", "cec")) {
            assertEquals("ready", browser.findElement(By.id(section)).getAttribute("data-state"), section);
        }

        // The catalogue's chart of offers by region is what its stats endpoint says, region by region.
        JsonPath catalogue = given().auth().oauth2(SuiteExtension.token("advisor", "advisor-dashboard"))
                .when().get("/api/v1/stats/catalogue").then().statusCode(200).extract().jsonPath();
        List<String> regionNames = catalogue.getList("offersByRegion.regionName");
        List<Number> offers = catalogue.getList("offersByRegion.offers");
        assertFalse(offers.isEmpty(), "the demo catalogue is loaded: offers in some regions");
        Map<String, Object> regions = chart("catalogue-regions");
        assertEquals(regionNames, regions.get("labels"));
        assertEquals(offers.stream().map(Number::doubleValue).toList(), firstSeries(regions));

        // The operations panel lists the five services, all up.
        List<String> states = browser.findElements(By.cssSelector("#operations-table tbody tr td:nth-child(2)"))
                .stream().map(td -> td.getText().trim()).toList();
        assertEquals(List.of("UP", "UP", "UP", "UP", "UP"), states);
        assertTrue(((Number) regions.get("width")).intValue() > 100, "the chart is drawn");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> chart(String id) {
        Object data = ((JavascriptExecutor) browser).executeScript("""
                const chart = Chart.getChart(document.getElementById(arguments[0]));
                if (!chart) return null;
                return {labels: chart.data.labels, data: chart.data.datasets.map(d => d.data), width: chart.canvas.width};
                """, id);
        assertTrue(data instanceof Map, "no chart drawn in #" + id);
        return (Map<String, Object>) data;
    }

    @SuppressWarnings("unchecked")
    private static List<Double> firstSeries(Map<String, Object> chart) {
        return ((List<List<Number>>) chart.get("data")).get(0).stream().map(Number::doubleValue).toList();
    }

    private static void screenshot() throws Exception {
        File shot = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE);
        Path target = Path.of("target", "dashboard-e2e.png");
        Files.createDirectories(target.getParent());
        Files.copy(shot.toPath(), target, StandardCopyOption.REPLACE_EXISTING);
    }
}
