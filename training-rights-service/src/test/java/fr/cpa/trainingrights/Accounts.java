package fr.cpa.trainingrights;

import fr.cpa.platform.contract.Topics;
import fr.cpa.testing.TestEvents;
import fr.cpa.testing.TestKafka;
import fr.cpa.testing.TestTokens;
import io.quarkus.arc.Arc;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.persistence.EntityManager;

import java.time.Duration;
import java.time.LocalDate;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

/** Opens CPF accounts the way production does: a HolderRegistered event on the real broker. */
public final class Accounts {

    private Accounts() {
    }

    /**
     * A payroll declaration of {@code siret} naming the holder (one month, January 2026: no acquisition run touches that
     * year in the tests), as account-service publishes it; returns once training-rights has stored the month.
     */
    public static void declaredBy(UUID holder, String siret) {
        TestKafka.send(Topics.ACTIVITY, holder.toString(), TestEvents.envelope(UUID.randomUUID(), "ActivityDeclared",
                "account-service", holder, """
                        {"holderId":"%s","declarationId":"%s","version":1,"siret":"%s","period":"2026-01",
                         "status":"EMPLOYEE","category":null,"timeUnit":"HOURS","paidTime":9120,"referenceTime":9120,
                         "partTimeRate":100,"grossPay":null,"countedAbsences":[]}""".formatted(holder, UUID.randomUUID(), siret)));
        await().atMost(Duration.ofSeconds(60)).until(() -> QuarkusTransaction.requiringNew().call(() -> ((Number)
                Arc.container().instance(EntityManager.class).get()
                        .createNativeQuery("select count(*) from activity_month where holder_id = :h and siret = :s")
                        .setParameter("h", holder).setParameter("s", siret).getSingleResult()).longValue() > 0));
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
