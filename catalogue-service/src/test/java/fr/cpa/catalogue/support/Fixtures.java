package fr.cpa.catalogue.support;

import fr.cpa.platform.identity.Siret;
import fr.cpa.testing.TestTokens;
import io.restassured.http.ContentType;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import static io.restassured.RestAssured.given;

/** Organisations and offers through the API, for the tests. */
public final class Fixtures {

    private Fixtures() {
    }

    /** A fresh Luhn-valid SIRET, so that tests never collide. */
    public static String siret() {
        StringBuilder sb = new StringBuilder("9");
        for (int i = 0; i < 12; i++) {
            sb.append(ThreadLocalRandom.current().nextInt(10));
        }
        return sb.toString() + Siret.luhnCheckDigit(sb.toString());
    }

    public static String org(String siret) {
        return TestTokens.token("training-org", "org-" + siret).siret(siret).sign();
    }

    public static String admin() {
        return TestTokens.role("admin", "admin-1");
    }

    /** Registers an organisation with a Qualiopi certificate valid until {@code validUntil} (null = none). */
    public static void register(String siret, String validUntil) {
        Map<String, Object> body = new HashMap<>(Map.of("siret", siret, "name", "Organisme " + siret,
                "declarationNumber", "76341234534"));
        given().auth().oauth2(org(siret)).contentType(ContentType.JSON).body(body)
                .when().post("/api/v1/organisations").then().statusCode(201);
        if (validUntil != null) {
            // staff record the certificate: an organisation may not give its own
            given().auth().oauth2(admin()).contentType(ContentType.JSON)
                    .body(Map.of("certificate", "QUALIOPI-" + siret, "validUntil", validUntil))
                    .when().put("/api/v1/organisations/" + siret + "/qualiopi").then().statusCode(200);
        }
    }

    public static Map<String, Object> offer(String number, String title) {
        Map<String, Object> body = new HashMap<>();
        body.put("number", number);
        body.put("title", title);
        body.put("objective", "Objectif");
        body.put("content", "Contenu");
        body.put("certificationType", "RS");
        body.put("certificationCode", "RS6204");
        body.put("certificationTitle", "Tosa Photoshop");
        body.put("formacodes", List.of("46006"));
        body.put("romeCodes", List.of("E1205"));
        body.put("durationMinutes", 1260);
        body.put("price", Map.of("amount", 120000, "currency", "EUR"));
        body.put("modality", "ON_SITE");
        body.put("departmentCode", "34");
        return body;
    }

    /** Creates and publishes an offer; returns its id. */
    public static String publish(String siret, Map<String, Object> offer) {
        String id = given().auth().oauth2(org(siret)).contentType(ContentType.JSON).body(offer)
                .when().post("/api/v1/organisations/" + siret + "/offers")
                .then().statusCode(201).extract().path("id");
        given().auth().oauth2(org(siret)).when().post("/api/v1/organisations/" + siret + "/offers/" + id + "/publish")
                .then().statusCode(200);
        return id;
    }
}
