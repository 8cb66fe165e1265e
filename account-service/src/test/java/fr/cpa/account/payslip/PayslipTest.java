package fr.cpa.account.payslip;

import fr.cpa.account.declaration.DeclarationTest;
import fr.cpa.account.nir.Nir;
import fr.cpa.platform.identity.Siret;
import fr.cpa.testing.CpaTestResources;
import fr.cpa.testing.TestTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;

@QuarkusTest
@QuarkusTestResource(value = CpaTestResources.class, restrictToAnnotatedClass = false)
class PayslipTest {

    static final byte[] PDF = "%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"
            .getBytes(StandardCharsets.US_ASCII);

    static String nir() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        String body = "18505" + "75" + String.format("%03d", random.nextInt(1, 1000)) + String.format("%03d", random.nextInt(1, 1000));
        return body + String.format("%02d", Nir.key(body));
    }

    static String siret() {
        while (true) {
            String candidate = "8" + String.format("%013d", ThreadLocalRandom.current().nextLong(10_000_000_000_000L));
            if (Siret.isValid(candidate)) {
                return candidate;
            }
        }
    }

    static String register(String nir) {
        return given().auth().oauth2(TestTokens.role("advisor", "a")).contentType(ContentType.JSON)
                .body(Map.of("nir", nir, "lastName", "Durand", "firstName", "Paul", "birthDate", "1985-05-10"))
                .post("/api/v1/holders").then().statusCode(201).extract().path("id");
    }

    /** The establishment declares the employee for a month: from then on it may send their payslips. */
    static void employ(String siret, String nir, String period) {
        given().auth().oauth2(TestTokens.token("employer", "payroll").siret(siret).sign()).contentType(ContentType.JSON)
                .body(DeclarationTest.body(UUID.randomUUID(), siret, period, List.of(DeclarationTest.employee(nir, 151.67))))
                .post("/api/v1/declarations").then().statusCode(201);
    }

    /** A holder employed by {@code siret}: registered, then declared by it. */
    static String employee(String nir, String siret) {
        String holderId = register(nir);
        employ(siret, nir, "2025-02");
        return holderId;
    }

    static RequestSpecification upload(String tokenSiret, String nir, String siret, byte[] file) {
        return given().auth().oauth2(TestTokens.token("employer", "payroll").siret(tokenSiret).sign())
                .multiPart("nir", nir).multiPart("siret", siret).multiPart("period", "2025-03")
                .multiPart("netPay", "195000").multiPart("grossPay", "250000")
                .multiPart("file", "bulletin.pdf", file, "application/pdf");
    }

    @Test
    void anEmployerUploadsAPayslipThatTheHolderListsAndDownloads() {
        String nir = nir();
        String siret = siret();
        String holderId = employee(nir, siret);
        String payslipId = upload(siret, nir, siret, PDF).post("/api/v1/payslips")
                .then().statusCode(201)
                .body("holderId", equalTo(holderId))
                .body("netPay.amount", equalTo(195000))
                .body("size", equalTo(PDF.length))
                .extract().path("id");

        String holder = TestTokens.holder(UUID.fromString(holderId));
        given().auth().oauth2(holder).get("/api/v1/holders/" + holderId + "/payslips")
                .then().statusCode(200).body("$", hasSize(1)).body("[0].period", equalTo("2025-03"))
                .body("[0].grossPay.amount", equalTo(250000));
        byte[] downloaded = given().auth().oauth2(holder).get("/api/v1/holders/" + holderId + "/payslips/" + payslipId)
                .then().statusCode(200).contentType("application/pdf").extract().asByteArray();
        assertArrayEquals(PDF, downloaded);
        given().auth().oauth2(TestTokens.role("advisor", "a")).get("/api/v1/holders/" + holderId + "/payslips")
                .then().statusCode(200).body("$", hasSize(1));
    }

    @Test
    void anotherHolderAndTheEmployerCannotReadAHoldersPayslips() {
        String nir = nir();
        String siret = siret();
        String holderId = employee(nir, siret);
        String payslipId = upload(siret, nir, siret, PDF).post("/api/v1/payslips").then().statusCode(201).extract().path("id");
        String other = TestTokens.holder(UUID.randomUUID());
        given().auth().oauth2(other).get("/api/v1/holders/" + holderId + "/payslips").then().statusCode(403);
        given().auth().oauth2(other).get("/api/v1/holders/" + holderId + "/payslips/" + payslipId).then().statusCode(403);
        given().auth().oauth2(TestTokens.token("employer", "payroll").siret(siret).sign())
                .get("/api/v1/holders/" + holderId + "/payslips").then().statusCode(403);
    }

    @Test
    void anEmployerListsThePayslipsItSentAndNoOtherSirets() {
        String nir = nir();
        String siret = siret();
        String elsewhere = siret();
        String holderId = employee(nir, siret);
        employ(elsewhere, nir, "2025-02");
        upload(siret, nir, siret, PDF).post("/api/v1/payslips").then().statusCode(201);
        upload(elsewhere, nir, elsewhere, PDF).post("/api/v1/payslips").then().statusCode(201);
        String employer = TestTokens.token("employer", "payroll").siret(siret).sign();

        given().auth().oauth2(employer).queryParam("siret", siret).get("/api/v1/payslips")
                .then().statusCode(200).body("total", equalTo(1)).body("items", hasSize(1))
                .body("items[0].holderId", equalTo(holderId)).body("items[0].siret", equalTo(siret))
                .body("items[0].period", equalTo("2025-03")).body("items[0].netPay.amount", equalTo(195000));
        given().auth().oauth2(employer).queryParam("siret", siret).queryParam("period", "2025-04").get("/api/v1/payslips")
                .then().statusCode(200).body("total", equalTo(0)).body("items", hasSize(0));
        // the other establishment's payslip is not listed, and asking for it is refused
        given().auth().oauth2(employer).queryParam("siret", elsewhere).get("/api/v1/payslips")
                .then().statusCode(403).contentType("application/problem+json");
        given().auth().oauth2(TestTokens.holder(UUID.fromString(holderId))).queryParam("siret", siret)
                .get("/api/v1/payslips").then().statusCode(403);
        given().auth().oauth2(employer).queryParam("siret", siret).queryParam("period", "2025-13").get("/api/v1/payslips")
                .then().statusCode(400).body("errors.field", hasItem("period"));
        given().auth().oauth2(TestTokens.role("advisor", "a")).queryParam("siret", elsewhere).get("/api/v1/payslips")
                .then().statusCode(200).body("total", equalTo(1));
    }

    @Test
    void anEmployerCannotUploadForAnotherSiret() {
        String nir = nir();
        register(nir);
        upload(siret(), nir, siret(), PDF).post("/api/v1/payslips")
                .then().statusCode(403).contentType("application/problem+json");
    }

    @Test
    void aFileThatIsNotAPdfOrTooBigIsRefused() {
        String nir = nir();
        String siret = siret();
        employee(nir, siret);
        upload(siret, nir, siret, "GIF89a not a pdf".getBytes(StandardCharsets.US_ASCII)).post("/api/v1/payslips")
                .then().statusCode(400).contentType("application/problem+json").body("errors.field", hasItem("file"));
        byte[] big = Arrays.copyOf(PDF, 5 * 1024 * 1024 + 1);
        upload(siret, nir, siret, big).post("/api/v1/payslips")
                .then().statusCode(400).body("errors.field", hasItem("file"));
    }

    @Test
    void anEmployerSendsPayslipsOnlyToThePeopleItDeclared() {
        String nir = nir();
        String siret = siret();
        employee(nir, siret);
        String stranger = nir();
        register(stranger); // a holder, but not declared by this establishment
        String unknown = nir(); // nobody at all
        String neverDeclared = upload(siret, stranger, siret, PDF).post("/api/v1/payslips")
                .then().statusCode(422).contentType("application/problem+json")
                .body("type", equalTo("https://cpa.local/problems/not-declared-employee"))
                .extract().path("detail");
        String noHolder = upload(siret, unknown, siret, PDF).post("/api/v1/payslips")
                .then().statusCode(422).body("type", equalTo("https://cpa.local/problems/not-declared-employee"))
                .extract().path("detail");
        // the same answer either way: an upload does not tell whether a NIR has an account
        org.junit.jupiter.api.Assertions.assertEquals(noHolder, neverDeclared);
        // another establishment that declared the employee is no key for this one
        String other = siret();
        employ(other, stranger, "2025-02");
        upload(siret, stranger, siret, PDF).post("/api/v1/payslips").then().statusCode(422);
        upload(other, stranger, other, PDF).post("/api/v1/payslips").then().statusCode(201);
    }
}
