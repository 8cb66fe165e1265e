package fr.cpa.catalogue.generator;

import fr.cpa.catalogue.importer.CatalogueImporter;
import fr.cpa.testing.CpaTestResources;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** The demo set of ./cpa up goes through the real importer and every generated row is accepted. */
@QuarkusTest
@QuarkusTestResource(value = CpaTestResources.class, restrictToAnnotatedClass = false)
class DemoCatalogueTest {

    @Inject
    DemoCatalogue demo;

    @Test
    void aGeneratedSetImportsCleanlyWithSessions() throws Exception {
        CatalogueImporter.Counts counts = demo.load(60, 5, 77);
        assertEquals(60, counts.rowsRead());
        assertEquals(0, counts.rejected());
        assertEquals(60, counts.created() + counts.updated() + counts.unchanged());
        given().when().get("/api/v1/trainings?sort=startDate&size=5").then().statusCode(200)
                .body("total", greaterThan(59))
                .body("items[0].nextSessionStart", notNullValue());
    }
}
