package fr.cpa.deployment;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The property → environment variable mapping the other tests rely on, and that it rejects what it must. */
class EnvNamesTest {

    @Test
    void dotsDashesAndQuotesBecomeUnderscoresLettersUpperCase() {
        assertEquals("QUARKUS_DATASOURCE_JDBC_URL", Services.envName("quarkus.datasource.jdbc.url"));
        assertEquals("CPA_GATEWAY_PROXY_SERVICES_TRAINING_RIGHTS", Services.envName("cpa.gateway.proxy.services.training-rights"));
        assertEquals("QUARKUS_LOG_CATEGORY__ORG_APACHE_KAFKA__LEVEL", Services.envName("quarkus.log.category.\"org.apache.kafka\".level"));
        assertEquals("CPA_GATEWAY_PROXY_ROUTES_0__TIMEOUT", Services.envName("cpa.gateway.proxy.routes[0].timeout"));
    }

    @Test
    void aServiceKnowsItsOwnKeysItsMappingsAndPlatformsButNotAnothersOrATypo() {
        Services.Service account = Services.named("account-service");
        assertTrue(account.knowsEnv("QUARKUS_DATASOURCE_JDBC_URL"));
        assertTrue(account.knowsEnv("KAFKA_BOOTSTRAP_SERVERS"), "platform's OutboxRelay reads kafka.bootstrap.servers");
        assertTrue(account.knowsEnv("CPA_NIR_ENCRYPTION_KEY"), "@ConfigMapping(prefix = \"cpa.nir\")");
        assertTrue(account.knowsEnv("CPA_OUTBOX_BATCH_SIZE"), "platform's @ConfigMapping(prefix = \"cpa.outbox\")");
        assertFalse(account.knowsEnv("QUARKUS_DATASOURCE_JDBC_URI"));
        assertFalse(account.knowsEnv("CPA_GATEWAY_PROXY_SERVICES_ACCOUNT"), "the gateway's key");
        Services.Service gateway = Services.named("gateway");
        assertTrue(gateway.knowsEnv("CPA_GATEWAY_PROXY_SERVICES_CIVIC_ENGAGEMENT"));
        assertFalse(gateway.knowsEnv("KAFKA_BOOTSTRAP_SERVERS"), "the gateway has no Kafka");
        assertFalse(gateway.usesKafka());
    }

    @Test
    void theServicesAreReadFromTheirOwnSources() {
        for (Services.Service s : Services.all()) {
            assertEquals(s.module(), s.applicationName(), "image and Deployment names are the application names");
        }
        assertEquals(8080, Services.named("gateway").port());
        assertTrue(Services.named("training-rights-service").topics().contains("cpa.enrolment.v1.dlq"));
    }

    @Test
    void keyMaterialThatOnlyTheDevTestAndLocalProfilesSupplyIsRequiredInProduction() {
        assertEquals(java.util.Set.of("cpa.nir.encryption-key", "cpa.nir.hash-key"),
                Services.named("account-service").requiredInProduction());
        assertEquals(java.util.Set.of("mp.jwt.verify.publickey.location", "smallrye.jwt.sign.key.location"),
                Services.named("gateway").requiredInProduction());
        assertTrue(Services.named("hardship-service").requiredInProduction().isEmpty(),
                "optional keys (Optional<…> or a defaultValue) are not required: " + Services.named("hardship-service").requiredInProduction());
    }

    @Test
    void sourcesDeclareKeysByMappingPropertyAndAnnotationExpressionOptionalOnesMarked() {
        java.util.Set<String> keys = new java.util.TreeSet<>();
        java.util.Set<String> prefixes = new java.util.TreeSet<>();
        java.util.Set<String> optional = new java.util.TreeSet<>();
        Services.scan("""
                @ConfigMapping(prefix = "cpa.outbox")
                interface OutboxConfig {}
                Relay(@ConfigProperty(name = "kafka.bootstrap.servers") String servers,
                      @ConfigProperty(name = "cpa.jwt.gateway.issuer") Optional<String> issuer,
                      @ConfigProperty(name = "cpa.acquisition.chunk-size", defaultValue = "500") int chunk) {}
                @Scheduled(every = "${cpa.enrolment.sweep-every:1m}", concurrentExecution = SKIP)
                @Scheduled(cron = "${cpa.c2p.year-closing-cron}")
                """, keys, prefixes, optional);
        assertEquals(java.util.Set.of("cpa.outbox"), prefixes);
        assertEquals(java.util.Set.of("kafka.bootstrap.servers", "cpa.jwt.gateway.issuer", "cpa.acquisition.chunk-size",
                "cpa.enrolment.sweep-every", "cpa.c2p.year-closing-cron"), keys);
        assertEquals(java.util.Set.of("cpa.jwt.gateway.issuer", "cpa.acquisition.chunk-size"), optional);
    }
}
