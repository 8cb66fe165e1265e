package fr.cpa.hardship.support;

import fr.cpa.testing.TestEvents;
import fr.cpa.testing.TestKafka;
import fr.cpa.testing.TestTokens;

import java.time.Duration;
import java.time.LocalDate;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

/** account-service's events for hardship-service's consumers, with the declaration time a correction is judged on. */
public final class C2pEvents {

    public static final String SIRET = "73282932000074";

    private C2pEvents() {
    }

    /** Registers a holder on the real broker and waits until their C2P account is open. */
    public static UUID registeredHolder(LocalDate birthDate) {
        UUID holder = UUID.randomUUID();
        TestKafka.send("cpa.holder.v1", holder.toString(), TestEvents.holderRegistered(UUID.randomUUID(), holder, birthDate));
        await().atMost(Duration.ofSeconds(120)).untilAsserted(() ->
                given().auth().oauth2(TestTokens.holder(holder)).when().get("/api/v1/holders/" + holder + "/c2p")
                        .then().statusCode(200));
        return holder;
    }

    /**
     * {@code ExposureDeclared} in its first form, without {@code period} and {@code allFactors} (an event
     * written before they were added), declared at {@code time}.
     */
    public static void declare(UUID holder, UUID declaration, int version, int year, String factor, long quantity,
                               String unit, int months, String time) {
        String data = """
                {"holderId":"%s","declarationId":"%s","version":%d,"siret":"%s","year":%d,"factor":"%s","quantity":%d,"unit":"%s","months":%d}"""
                .formatted(holder, declaration, version, SIRET, year, factor, quantity, unit, months);
        TestKafka.send("cpa.exposure.v1", holder.toString(), envelope("ExposureDeclared", holder, data, time));
    }

    /** One factor of a declaration: {@code NIGHT_WORK 110 NIGHTS 12}. */
    public record Factor(String factor, long quantity, String unit, int months) {
    }

    /**
     * A version of the declaration of {@code period} for {@link #SIRET}, as account-service emits it: one
     * {@code ExposureDeclared} per factor, each carrying the period and the whole set.
     */
    public static void declareVersion(UUID holder, UUID declaration, int version, String period, String time, Factor... factors) {
        StringBuilder all = new StringBuilder("[");
        for (Factor f : factors) {
            all.append(all.length() > 1 ? "," : "").append("""
                    {"factor":"%s","quantity":%d,"unit":"%s","months":%d}""".formatted(f.factor(), f.quantity(), f.unit(), f.months()));
        }
        all.append(']');
        int year = Integer.parseInt(period.substring(0, 4));
        for (Factor f : factors) {
            String data = """
                    {"holderId":"%s","declarationId":"%s","version":%d,"siret":"%s","year":%d,"factor":"%s","quantity":%d,                    "unit":"%s","months":%d,"period":"%s","allFactors":%s}""".formatted(holder, declaration, version, SIRET,
                    year, f.factor(), f.quantity(), f.unit(), f.months(), period, all);
            TestKafka.send("cpa.exposure.v1", holder.toString(), envelope("ExposureDeclared", holder, data, time));
        }
    }

    public static void withdraw(UUID holder, UUID declaration, int year, String factor, String time) {
        String data = """
                {"holderId":"%s","declarationId":"%s","year":%d,"factor":"%s"}""".formatted(holder, declaration, year, factor);
        TestKafka.send("cpa.exposure.v1", holder.toString(), envelope("ExposureWithdrawn", holder, data, time));
    }

    /** Any {@code data} in an event envelope, as it is (a malformed event, say). */
    public static void send(String type, UUID holder, String data, String time) {
        TestKafka.send("cpa.exposure.v1", holder.toString(), envelope(type, holder, data, time));
    }

    private static String envelope(String type, UUID holder, String data, String time) {
        return """
                {"specversion":"1.0","id":"%s","type":"%s","source":"account-service","time":"%s",\
                "subject":"%s","datacontenttype":"application/json","data":%s}""".formatted(
                UUID.randomUUID(), type, time, holder, data);
    }
}
