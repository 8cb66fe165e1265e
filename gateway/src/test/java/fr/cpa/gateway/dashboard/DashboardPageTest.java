package fr.cpa.gateway.dashboard;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;

import fr.cpa.gateway.upstream.UpstreamTestResource;
import fr.cpa.testing.JwtKeysTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/** The dashboard's files as the gateway serves them (the page itself: DashboardBrowserTest). */
@QuarkusTest
@QuarkusTestResource(JwtKeysTestResource.class)
@QuarkusTestResource(UpstreamTestResource.class)
class DashboardPageTest {

    @Test
    void dashboardSendsTheBrowserToThePage() {
        given().redirects().follow(false).when().get("/dashboard")
                .then().statusCode(302).header("Location", endsWith("/dashboard/"));
    }

    @Test
    void thePageIsServedWithAStrictContentSecurityPolicy() {
        given().when().get("/dashboard/")
                .then().statusCode(200).contentType(containsString("text/html"))
                .header("Content-Security-Policy", equalTo(DashboardRoutes.CONTENT_SECURITY_POLICY))
                .header("X-Frame-Options", "DENY")
                .body(containsString("/webjars/chartjs/4.4.3/dist/chart.umd.js"));
    }

    @Test
    void chartJsComesFromItsWebJar() {
        given().when().get("/webjars/chartjs/4.4.3/dist/chart.umd.js")
                .then().statusCode(200).body(containsString("Chart"));
    }

    @Test
    void thePageIsToldWhetherDemoTokensExistHere() {
        given().when().get("/dashboard/config.json")
                .then().statusCode(200).body("devTokens", equalTo(true));
    }
}
