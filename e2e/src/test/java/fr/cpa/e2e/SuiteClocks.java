package fr.cpa.e2e;

import io.restassured.http.ContentType;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;

/**
 * Moves the clock of every service of the running suite (each one's {@code /local/clock}, which the
 * local stack turns on), so that a scenario can live a past year: declare in 2025, run the year in
 * January 2026, declare volunteering in the spring. Tests put time back with {@link #reset()} in a
 * {@code finally}, since the classes after them expect today.
 */
final class SuiteClocks {

    static final List<String> SERVICES = List.of("account", "training-rights", "hardship", "civic-engagement", "catalogue");

    private SuiteClocks() {
    }

    static void moveTo(Instant now) {
        String admin = SuiteExtension.token("admin", "clock-e2e");
        for (String service : SERVICES) {
            given().baseUri(SuiteExtension.stack().serviceUrl(service)).auth().oauth2(admin)
                    .contentType(ContentType.JSON).body(Map.of("now", now.toString()))
                    .when().put("/local/clock").then().statusCode(200);
        }
    }

    static void reset() {
        String admin = SuiteExtension.token("admin", "clock-e2e");
        for (String service : SERVICES) {
            given().baseUri(SuiteExtension.stack().serviceUrl(service)).auth().oauth2(admin)
                    .when().delete("/local/clock").then().statusCode(200);
        }
    }
}
