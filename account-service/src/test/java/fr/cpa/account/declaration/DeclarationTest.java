package fr.cpa.account.declaration;

import com.fasterxml.jackson.databind.ObjectMapper;
import fr.cpa.platform.contract.Topics;
import fr.cpa.testing.CpaTestResources;
import fr.cpa.testing.TestKafka;
import fr.cpa.testing.TestTokens;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
@QuarkusTestResource(value = CpaTestResources.class, restrictToAnnotatedClass = false)
public class DeclarationTest {

    static final ObjectMapper MAPPER = new ObjectMapper();
    static final LocalDate BIRTH = LocalDate.of(1985, 5, 10);

    @Inject
    EntityManager em;

    static String employer(String siret) {
        return TestTokens.token("employer", "payroll-" + siret).siret(siret).sign();
    }

    public static Map<String, Object> employee(String nir, double paidHours) {
        Map<String, Object> contract = new HashMap<>();
        contract.put("nature", "CDI");
        contract.put("start", "2020-01-01");
        contract.put("end", null);
        contract.put("status", "EMPLOYEE");
        contract.put("category", null);
        Map<String, Object> e = new HashMap<>();
        e.put("nir", nir);
        e.put("lastName", "Durand");
        e.put("firstName", "Paul");
        e.put("birthDate", BIRTH.toString());
        e.put("contract", contract);
        e.put("timeUnit", "HOURS");
        e.put("paidTime", paidHours);
        e.put("referenceTime", 151.67);
        e.put("partTimeRate", 100);
        e.put("grossPay", null);
        e.put("absences", List.of(Map.of("kind", "MATERNITY", "hours", 35)));
        e.put("exposures", List.of());
        return e;
    }

    public static String body(UUID id, String siret, String period, List<Map<String, Object>> employees) {
        Map<String, Object> body = new java.util.LinkedHashMap<>();
        body.put("declarationId", id.toString());
        body.put("siret", siret);
        body.put("period", period);
        body.put("employees", employees);
        try {
            return MAPPER.writeValueAsString(body);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static String registerHolder(String nir) {
        return given().auth().oauth2(TestTokens.role("advisor", "advisor-1")).contentType(ContentType.JSON)
                .body(Map.of("nir", nir, "lastName", "Durand", "firstName", "Paul", "birthDate", BIRTH.toString()))
                .post("/api/v1/holders").then().statusCode(201).extract().path("id");
    }

    static io.restassured.response.ValidatableResponse post(String siret, String body) {
        return given().auth().oauth2(employer(siret)).contentType(ContentType.JSON).body(body)
                .post("/api/v1/declarations").then();
    }

    static List<ConsumerRecord<String, String>> events(String topic, String key, String until) {
        return TestKafka.records(topic, Duration.ofSeconds(30), r -> key.equals(r.key()) && r.value().contains(until))
                .stream().filter(r -> key.equals(r.key())).toList();
    }

    @Test
    void anAcceptedDeclarationEmitsOneActivityPerEmployeeAndOneExposurePerFactor() {
        String siret = TestData.siret();
        String knownNir = TestData.nir(BIRTH);
        String holderId = registerHolder(knownNir);
        Map<String, Object> known = employee(knownNir, 151.67);
        known.put("exposures", List.of(Map.of("factor", "NIGHT_WORK", "nights", 110)));
        Map<String, Object> unknown = employee(TestData.nir(BIRTH), 75.84);
        unknown.put("timeUnit", "NONE");
        unknown.put("paidTime", null);
        unknown.put("referenceTime", null);
        unknown.put("partTimeRate", null);
        unknown.put("grossPay", Map.of("amount", 250000, "currency", "EUR"));
        unknown.put("absences", List.of());
        UUID id = UUID.randomUUID();

        post(siret, body(id, siret, "2025-12", List.of(known, unknown)))
                .statusCode(201)
                .header("Location", endsWith("/api/v1/declarations/" + id))
                .body("declarationId", equalTo(id.toString()))
                .body("version", equalTo(1))
                .body("status", equalTo("ACCEPTED"))
                .body("employees", equalTo(2))
                .body("exposures", equalTo(1))
                .body("pendingHolders", equalTo(1));

        List<ConsumerRecord<String, String>> activity = events(Topics.ACTIVITY, holderId, id.toString());
        assertEquals(1, activity.size());
        String declared = activity.get(0).value();
        assertTrue(declared.contains("\"type\":\"ActivityDeclared\""), declared);
        assertTrue(declared.contains("\"paidTime\":9100"), "151.67 h in minutes: " + declared);
        assertTrue(declared.contains("\"referenceTime\":9100"), declared);
        assertTrue(declared.contains("\"countedAbsences\":[{\"kind\":\"MATERNITY\",\"minutes\":2100}]"), declared);
        assertTrue(declared.contains("\"period\":\"2025-12\""), declared);
        assertTrue(declared.contains("\"siret\":\"" + siret + "\""), declared);
        assertTrue(!declared.contains(knownNir), "the NIR never travels");

        List<ConsumerRecord<String, String>> exposure = events(Topics.EXPOSURE, holderId, id.toString());
        assertEquals(1, exposure.size());
        String x = exposure.get(0).value();
        assertTrue(x.contains("\"factor\":\"NIGHT_WORK\"") && x.contains("\"quantity\":110")
                && x.contains("\"unit\":\"NIGHTS\"") && x.contains("\"months\":12") && x.contains("\"year\":2025"), x);

        // the unknown NIR became a pending holder, announced, whose activity carries pay and no time
        ConsumerRecord<String, String> pendingActivity = TestKafka.records(Topics.ACTIVITY, Duration.ofSeconds(30),
                        r -> r.value().contains(id.toString()) && !holderId.equals(r.key()))
                .stream().filter(r -> r.value().contains(id.toString()) && !holderId.equals(r.key())).findFirst().orElseThrow();
        assertTrue(pendingActivity.value().contains("\"grossPay\":{\"amount\":250000,\"currency\":\"EUR\"}"), pendingActivity.value());
        assertTrue(pendingActivity.value().contains("\"paidTime\":null"), pendingActivity.value());
        String pendingId = pendingActivity.key();
        assertEquals(1, events(Topics.HOLDER, pendingId, "HolderRegistered").size());
        given().auth().oauth2(TestTokens.role("advisor", "a")).get("/api/v1/holders/" + pendingId)
                .then().statusCode(200).body("identityStatus", equalTo("PENDING"));
    }

    @Test
    void aPendingHolderIsActivatedWhenThePersonRegisters() {
        String siret = TestData.siret();
        String nir = TestData.nir(BIRTH);
        UUID id = UUID.randomUUID();
        post(siret, body(id, siret, "2025-03", List.of(employee(nir, 151.67)))).statusCode(201);
        String pendingId = TestKafka.records(Topics.ACTIVITY, Duration.ofSeconds(30), r -> r.value().contains(id.toString()))
                .stream().filter(r -> r.value().contains(id.toString())).findFirst().orElseThrow().key();
        String registered = registerHolder(nir);
        assertEquals(pendingId, registered, "the same holder, now active");
        List<ConsumerRecord<String, String>> activated = events(Topics.HOLDER, pendingId, "HolderIdentityActivated")
                .stream().filter(r -> r.value().contains("\"type\":\"HolderIdentityActivated\"")).toList();
        assertEquals(1, activated.size(), "the activation is announced once");
        assertTrue(activated.get(0).value().contains("\"birthDate\":\"" + BIRTH + "\""), activated.get(0).value());
        assertTrue(!activated.get(0).value().contains(nir), "the NIR never travels");
        given().auth().oauth2(TestTokens.holder(UUID.fromString(registered))).get("/api/v1/holders/" + registered)
                .then().statusCode(200).body("identityStatus", equalTo("ACTIVE"));
    }

    @Test
    void everyErrorIsListedByJsonPathAndNothingIsStored() {
        String siret = TestData.siret();
        String goodNir = TestData.nir(BIRTH);
        Map<String, Object> good = employee(goodNir, 151.67);
        Map<String, Object> badNir = employee("255081416802537", 151.67);
        badNir.remove("lastName");
        Map<String, Object> badTypes = employee(TestData.nir(BIRTH), 151.67);
        badTypes.put("paidTime", "lots");
        badTypes.put("absences", List.of(Map.of("kind", "SICK_LEAVE", "hours", 7)));
        badTypes.put("exposures", List.of(Map.of("factor", "NIGHT_WORK", "nights", 110)));
        List<Map<String, Object>> employees = new ArrayList<>(List.of(good, badNir, badTypes));
        employees.add(employee(goodNir, 10));

        post(siret, body(UUID.randomUUID(), siret, "2025-03", employees))
                .statusCode(400)
                .contentType("application/problem+json")
                .body("type", equalTo("https://cpa.local/problems/validation"))
                .body("errors.field", containsInAnyOrder("employees[1].nir", "employees[1].lastName",
                        "employees[2].paidTime", "employees[2].absences[0].kind", "employees[2].exposures",
                        "employees[3].nir"));

        given().auth().oauth2(employer(siret)).get("/api/v1/declarations?siret=" + siret)
                .then().statusCode(200).body("total", equalTo(0));
        // the valid employee's unknown NIR left no pending holder behind: declaring it now creates one
        post(siret, body(UUID.randomUUID(), siret, "2025-03", List.of(good)))
                .statusCode(201).body("pendingHolders", equalTo(1));
    }

    @Test
    void anErrorAfterTheFirstStoredBatchLeavesNothingBehind() {
        // Batches of DeclarationService.BATCH employees are stored as the body streams in: an error in the
        // last line must still roll back the rows, pending holders and events of the batches before it.
        String siret = TestData.siret();
        UUID id = UUID.randomUUID();
        int count = DeclarationService.BATCH + 1;
        List<Map<String, Object>> employees = new ArrayList<>(count);
        for (String nir : TestData.distinctNirs(BIRTH, count)) {
            employees.add(employee(nir, 151.67));
        }
        employees.get(count - 1).put("paidTime", -1);
        post(siret, body(id, siret, "2025-03", employees))
                .statusCode(400)
                .body("errors.field", contains("employees[" + (count - 1) + "].paidTime"));

        employees.get(count - 1).put("paidTime", 151.67);
        // the same declarationId is new (no replay, no conflict), and every holder is created now
        post(siret, body(id, siret, "2025-03", employees))
                .statusCode(201)
                .body("employees", equalTo(count))
                .body("pendingHolders", equalTo(count));
        Number events = (Number) QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery(
                        "select count(*) from outbox_event where event_type = 'ActivityDeclared' and payload like :id")
                .setParameter("id", "%" + id + "%").getSingleResult());
        assertEquals(count, events.intValue(), "one ActivityDeclared per employee, none left from the refused try");
    }

    @Test
    void theHeaderMayComeAfterTheEmployees() {
        String siret = TestData.siret();
        String employee;
        try {
            employee = MAPPER.writeValueAsString(employee(TestData.nir(BIRTH), 151.67));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        String late = "{\"employees\": [" + employee + "], \"period\": \"2025-03\", \"siret\": \"" + siret
                + "\", \"declarationId\": \"" + UUID.randomUUID() + "\"}";
        post(siret, late).statusCode(201).body("employees", equalTo(1)).body("siret", equalTo(siret));
        String lateAndWrong = "{\"employees\": [" + employee.replace("\"lastName\":\"Durand\"", "\"lastName\":\"\"")
                + "], \"period\": \"2025-04\", \"siret\": \"" + siret + "\", \"declarationId\": \"" + UUID.randomUUID() + "\"}";
        post(siret, lateAndWrong).statusCode(400).body("errors.field", contains("employees[0].lastName"));
    }

    @Test
    void atMost50000EmployeesInOneDeclaration() {
        // An invalid SIRET keeps this one from being stored at all: only the reading and the count are tested.
        String siret = TestData.siret();
        String badSiret = siret.substring(0, 13) + (char) ('0' + (siret.charAt(13) - '0' + 1) % 10);
        List<String> nirs = TestData.distinctNirs(BIRTH, DeclarationParameters.MAX_EMPLOYEES + 1);
        StringBuilder body = new StringBuilder(400 * nirs.size()).append("{\"declarationId\": \"")
                .append(UUID.randomUUID()).append("\", \"siret\": \"").append(badSiret)
                .append("\", \"period\": \"2025-03\", \"employees\": [");
        try {
            for (int i = 0; i < nirs.size(); i++) {
                body.append(i == 0 ? "" : ",").append(MAPPER.writeValueAsString(employee(nirs.get(i), 151.67)));
            }
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        body.append("]}");
        given().auth().oauth2(employer(siret)).contentType(ContentType.JSON).body(body.toString())
                .post("/api/v1/declarations")
                .then().statusCode(400)
                .body("errors.field", containsInAnyOrder("siret", "employees"))
                .body("errors.find { it.field == 'employees' }.message", containsString("at most 50000"));
    }

    @Test
    void theHeaderIsCheckedToo() {
        String siret = TestData.siret();
        String badSiret = siret.substring(0, 13) + (char) ('0' + (siret.charAt(13) - '0' + 1) % 10);
        given().auth().oauth2(employer(badSiret)).contentType(ContentType.JSON)
                .body("{\"declarationId\": \"nope\", \"siret\": \"" + badSiret + "\", \"period\": \"2099-01\", \"employees\": []}")
                .post("/api/v1/declarations")
                .then().statusCode(400)
                .body("errors.field", containsInAnyOrder("declarationId", "siret", "period", "employees"));
    }

    @Test
    void aPayrollSystemCannotWriteToOrReadAnotherSiret() {
        String mine = TestData.siret();
        String theirs = TestData.siret();
        UUID id = UUID.randomUUID();
        given().auth().oauth2(employer(mine)).contentType(ContentType.JSON)
                .body(body(UUID.randomUUID(), theirs, "2025-03", List.of(employee(TestData.nir(BIRTH), 151.67))))
                .post("/api/v1/declarations")
                .then().statusCode(403).contentType("application/problem+json");
        post(theirs, body(id, theirs, "2025-03", List.of(employee(TestData.nir(BIRTH), 151.67)))).statusCode(201);

        given().auth().oauth2(employer(mine)).get("/api/v1/declarations/" + id)
                .then().statusCode(403).contentType("application/problem+json");
        given().auth().oauth2(employer(mine)).get("/api/v1/declarations?siret=" + theirs)
                .then().statusCode(403);
        given().auth().oauth2(employer(theirs)).get("/api/v1/declarations/" + id)
                .then().statusCode(200).body("siret", equalTo(theirs));
        given().auth().oauth2(TestTokens.holder(UUID.randomUUID())).contentType(ContentType.JSON)
                .body(body(UUID.randomUUID(), mine, "2025-03", List.of()))
                .post("/api/v1/declarations")
                .then().statusCode(403);
        given().auth().oauth2(TestTokens.holder(UUID.randomUUID())).get("/api/v1/declarations/" + id)
                .then().statusCode(403);
    }

    @Test
    void theSameDeclarationIdIsAReplayWithTheSameBodyAndAConflictWithAnother() {
        String siret = TestData.siret();
        UUID id = UUID.randomUUID();
        String body = body(id, siret, "2025-04", List.of(employee(TestData.nir(BIRTH), 151.67)));
        post(siret, body).statusCode(201);
        post(siret, body).statusCode(200)
                .header("Idempotency-Replayed", "true")
                .body("declarationId", equalTo(id.toString()))
                .body("version", equalTo(1));
        post(siret, body(id, siret, "2025-04", List.of(employee(TestData.nir(BIRTH), 140))))
                .statusCode(409).contentType("application/problem+json")
                .body("type", equalTo("https://cpa.local/problems/declaration-id-reused"));
        given().auth().oauth2(employer(siret)).get("/api/v1/declarations?siret=" + siret + "&period=2025-04")
                .then().statusCode(200).body("total", equalTo(1));
    }

    @Test
    void aNewDeclarationOfTheSameMonthReplacesThePreviousAndWithdrawsOnlyWhatItNoLongerHas() {
        String siret = TestData.siret();
        String stayingNir = TestData.nir(BIRTH);
        String leavingNir = TestData.nir(BIRTH);
        String staying = registerHolder(stayingNir);
        String leaving = registerHolder(leavingNir);
        UUID first = UUID.randomUUID();
        UUID second = UUID.randomUUID();
        Map<String, Object> v1 = employee(stayingNir, 151.67);
        v1.put("exposures", List.of(Map.of("factor", "NOISE", "hours", 650), Map.of("factor", "NIGHT_WORK", "nights", 110)));
        post(siret, body(first, siret, "2024-12", List.of(v1, employee(leavingNir, 151.67)))).statusCode(201)
                .body("version", equalTo(1));
        Map<String, Object> v2 = employee(stayingNir, 120);
        v2.put("exposures", List.of(Map.of("factor", "NOISE", "hours", 700)));
        post(siret, body(second, siret, "2024-12", List.of(v2))).statusCode(201)
                .body("version", equalTo(2)).body("replaces", equalTo(first.toString()));

        given().auth().oauth2(employer(siret)).get("/api/v1/declarations/" + first)
                .then().statusCode(200).body("status", equalTo("REPLACED")).body("replacedBy", equalTo(second.toString()));
        given().auth().oauth2(employer(siret)).get("/api/v1/declarations?siret=" + siret + "&period=2024-12")
                .then().statusCode(200).body("total", equalTo(2)).body("items.status", hasItems("ACCEPTED", "REPLACED"));

        // The employee still declared: the corrected month overwrites the old one, no withdrawal in between.
        List<String> activity = events(Topics.ACTIVITY, staying, second.toString()).stream()
                .map(ConsumerRecord::value).toList();
        assertEquals(2, activity.size(), String.join("\n", activity));
        assertTrue(activity.get(0).contains("ActivityDeclared") && activity.get(0).contains(first.toString()));
        assertTrue(activity.get(1).contains("ActivityDeclared") && activity.get(1).contains(second.toString())
                && activity.get(1).contains("\"version\":2") && activity.get(1).contains("\"paidTime\":7200"));
        // The employee the new version no longer lists: their month is withdrawn.
        List<String> gone = events(Topics.ACTIVITY, leaving, "ActivityWithdrawn").stream()
                .map(ConsumerRecord::value).toList();
        assertEquals(2, gone.size(), String.join("\n", gone));
        assertTrue(gone.get(0).contains("ActivityDeclared") && gone.get(0).contains(first.toString()));
        assertTrue(gone.get(1).contains("ActivityWithdrawn") && gone.get(1).contains(first.toString())
                && gone.get(1).contains("\"period\":\"2024-12\""));

        // NOISE is declared again (overwritten); NIGHT_WORK is no longer reported: withdrawn, after the new figures.
        List<String> exposure = events(Topics.EXPOSURE, staying, "ExposureWithdrawn").stream()
                .map(ConsumerRecord::value).toList();
        assertEquals(4, exposure.size(), String.join("\n", exposure));
        assertTrue(exposure.get(2).contains("ExposureDeclared") && exposure.get(2).contains("\"quantity\":700"));
        assertTrue(exposure.get(3).contains("ExposureWithdrawn") && exposure.get(3).contains("\"factor\":\"NIGHT_WORK\"")
                && exposure.get(3).contains("\"year\":2024") && exposure.get(3).contains(first.toString()));
    }

    @Test
    void malformedJsonIsAProblem() {
        String siret = TestData.siret();
        given().auth().oauth2(employer(siret)).contentType(ContentType.JSON)
                .body("{\"declarationId\": \"" + UUID.randomUUID() + "\", \"siret\": \"" + siret + "\", \"employees\": [{")
                .post("/api/v1/declarations")
                .then().statusCode(400).contentType("application/problem+json");
    }
}
