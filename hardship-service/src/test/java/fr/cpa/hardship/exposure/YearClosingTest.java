package fr.cpa.hardship.exposure;

import fr.cpa.hardship.support.C2pEvents;
import fr.cpa.hardship.support.TestClock;
import fr.cpa.testing.CpaTestResources;
import fr.cpa.testing.TestEvents;
import fr.cpa.testing.TestKafka;
import fr.cpa.testing.TestTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

/** When a year's points are computed: at the year's close for open years, at account opening for early exposures. */
@QuarkusTest
@QuarkusTestResource(value = CpaTestResources.class, restrictToAnnotatedClass = false)
class YearClosingTest {

    @Inject
    ExposureService exposures;

    @Inject
    TestClock clock;

    @Test
    void anOpenYearsExposureIsAssessedByTheRunAfterTheYearCloses() {
        UUID holder = C2pEvents.registeredHolder(LocalDate.of(1975, 6, 1));
        int open = LocalDate.now().getYear();
        C2pEvents.declare(holder, UUID.randomUUID(), 1, open, "NIGHT_WORK", 110, "NIGHTS", 12, open + "-06-30T10:00:00Z");
        await().atMost(Duration.ofSeconds(120)).untilAsserted(() ->
                given().auth().oauth2(TestTokens.holder(holder)).when().get("/api/v1/holders/" + holder + "/c2p/exposures")
                        .then().body("", hasSize(1)));
        given().auth().oauth2(TestTokens.holder(holder)).when().get("/api/v1/holders/" + holder + "/c2p")
                .then().body("years", hasSize(0)).body("total", equalTo(0));

        exposures.assessClosedYears(); // the year is still open: nothing to do
        given().auth().oauth2(TestTokens.holder(holder)).when().get("/api/v1/holders/" + holder + "/c2p")
                .then().body("years", hasSize(0));

        clock.set(Instant.parse((open + 1) + "-01-02T08:00:00Z"));
        try {
            exposures.assessClosedYears();
        } finally {
            clock.reset();
        }
        given().auth().oauth2(TestTokens.holder(holder)).when().get("/api/v1/holders/" + holder + "/c2p")
                .then().body("years[0].year", equalTo(open)).body("years[0].points", equalTo(4)).body("total", equalTo(4));
    }

    @Test
    void exposuresReceivedBeforeTheHolderAreAssessedWhenTheAccountOpens() {
        UUID holder = UUID.randomUUID();
        C2pEvents.declare(holder, UUID.randomUUID(), 1, 2024, "HYPERBARIC", 60, "INTERVENTIONS", 12, "2025-01-10T10:00:00Z");
        await().atMost(Duration.ofSeconds(120)).untilAsserted(() ->
                given().auth().oauth2(TestTokens.role("advisor", "advisor-7")).when().get("/api/v1/holders/" + holder + "/c2p/exposures")
                        .then().body("", hasSize(1)));
        TestKafka.send("cpa.holder.v1", holder.toString(), TestEvents.holderRegistered(UUID.randomUUID(), holder, LocalDate.of(1950, 1, 1)));
        await().atMost(Duration.ofSeconds(120)).untilAsserted(() ->
                given().auth().oauth2(TestTokens.holder(holder)).when().get("/api/v1/holders/" + holder + "/c2p")
                        .then().statusCode(200).body("years[0].year", equalTo(2024)).body("years[0].points", equalTo(8)));
    }
}
