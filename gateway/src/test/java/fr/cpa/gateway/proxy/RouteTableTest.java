package fr.cpa.gateway.proxy;

import static org.junit.jupiter.api.Assertions.assertEquals;

import fr.cpa.gateway.upstream.UpstreamTestResource;
import fr.cpa.testing.JwtKeysTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The route table of application.properties sends each path to the service that owns it. */
@QuarkusTest
@QuarkusTestResource(JwtKeysTestResource.class)
@QuarkusTestResource(UpstreamTestResource.class)
class RouteTableTest {

    @Inject
    RouteTable routes;

    @ParameterizedTest
    @CsvSource({
            "/api/v1/holders/42/cpf,                         training-rights",
            "/api/v1/holders/42/cpf/entries,                 training-rights",
            "/api/v1/cpf/simulations,                        training-rights",
            "/api/v1/admin/acquisition-runs/2025,            training-rights",
            "/api/v1/holders/42/c2p,                         hardship",
            "/api/v1/holders/42/c2p/uses,                    hardship",
            "/api/v1/c2p/simulations,                        hardship",
            "/api/v1/holders/42/cec,                         civic-engagement",
            "/api/v1/holders/42/engagements/9,               civic-engagement",
            "/api/v1/cec/simulations,                        civic-engagement",
            "/api/v1/engagements/9/validation,               civic-engagement",
            "/api/v1/associations/W751234567/engagements,    civic-engagement",
            "/api/v1/holders/42/recommendations,             catalogue",
            // One trailing slash is the same path (Vert.x Web routes it so too).
            "/api/v1/holders/42/recommendations/,            catalogue",
            "/api/v1/holders/42/enrolments,                  catalogue",
            "/api/v1/trainings,                              catalogue",
            "/api/v1/trainings/123/sessions,                 catalogue",
            "/api/v1/jobs/M1805,                             catalogue",
            "/api/v1/enrolments/5/acceptance,                catalogue",
            "/api/v1/admin/catalogue/imports,                catalogue",
            "/api/v1/organisations/73282932000074/offers,    catalogue",
            "/api/v1/holders,                                account",
            "/api/v1/holders/42,                             account",
            "/api/v1/holders/42/summary,                     account",
            "/api/v1/holders/42/skills,                      account",
            "/api/v1/declarations,                           account",
            "/api/v1/payslips/3,                             account",
            "/api/v1/stats/cpf,                              training-rights",
            "/api/v1/stats/c2p,                              hardship",
            "/api/v1/stats/cec,                              civic-engagement",
            "/api/v1/stats/catalogue,                        catalogue",
            "/api/v1/stats/accounts,                         account",
    })
    void eachPathGoesToTheServiceThatOwnsIt(String path, String service) {
        assertEquals(service, routes.upstreamFor(path).map(Upstream::name).orElse("none"));
    }

    @ParameterizedTest
    @CsvSource({"/api/v1/unknown", "/api/v1/admin/other", "/api/v1", "/api/v1/",
            // the gateway's own (OperationsEndpoint), never proxied
            "/api/v1/stats/operations", "/api/v1/stats"})
    void otherPathsHaveNoService(String path) {
        assertEquals("none", routes.upstreamFor(path).map(Upstream::name).orElse("none"));
    }
}
