package fr.cpa.trainingrights;

import fr.cpa.platform.contract.Topics;
import fr.cpa.testing.TestEvents;
import fr.cpa.testing.TestKafka;
import fr.cpa.testing.TestTokens;

import java.time.Duration;
import java.time.LocalDate;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

/** Opens CPF accounts the way production does: a HolderRegistered event on the real broker. */
public final class Accounts {

    private Accounts() {
    }

    public static UUID open() {
        UUID holder = UUID.randomUUID();
        TestKafka.send(Topics.HOLDER, holder.toString(), TestEvents.holderRegistered(UUID.randomUUID(), holder, LocalDate.of(1990, 4, 2)));
        await().atMost(Duration.ofSeconds(120)).untilAsserted(() ->
                given().auth().oauth2(TestTokens.holder(holder))
                        .when().get("/api/v1/holders/" + holder + "/cpf")
                        .then().statusCode(200));
        return holder;
    }
}
