package fr.cpa.deployment;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every image and environment variable, in k8s/ and docker-compose.yml, belongs to a real service and
 * is one of its real configuration keys (Services reads them from the services' own sources); every
 * service gets what it cannot run without.
 */
class ConfigurationTest {

    private static final Pattern IMAGE = Pattern.compile("^(?:.*/)?([a-z0-9-]+)(?::[^/]+)?$");
    private static final Pattern JDBC = Pattern.compile("^jdbc:postgresql://([^:/]+)(?::(\\d+))?/([A-Za-z0-9_]+)$");

    @ParameterizedTest
    @ValueSource(strings = {Manifests.BASE, Manifests.DEV, Manifests.PROD})
    void everyKubernetesEnvironmentVariableIsAConfigurationKeyOfItsService(String dir) {
        Manifests m = Manifests.of(dir);
        for (ObjectNode d : m.deployments()) {
            Services.Service service = Services.named(Kustomize.name(d));
            m.environment(d).keySet().forEach(env -> assertTrue(service.knowsEnv(env),
                    dir + " " + service.module() + ": " + env + " is none of its configuration keys"));
        }
    }

    @Test
    void everyComposeEnvironmentVariableIsAConfigurationKeyOfItsService() {
        ComposeFile compose = ComposeFile.read();
        for (String module : Services.MODULES) {
            Services.Service service = Services.named(module);
            compose.environment(module).keySet().forEach(env -> assertTrue(service.knowsEnv(env),
                    "compose " + module + ": " + env + " is none of its configuration keys"));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {Manifests.BASE, Manifests.DEV, Manifests.PROD})
    void everyKubernetesImageIsTheImageOfItsServiceOnItsPort(String dir) {
        for (ObjectNode d : Manifests.of(dir).deployments()) {
            Services.Service service = Services.named(Kustomize.name(d));
            JsonNode container = Manifests.podSpec(d).path("containers").get(0);
            assertEquals(service.applicationName(), imageName(container.path("image").asText()), dir + " " + service.module());
            assertTrue(container.path("image").asText().contains(":"), dir + " " + service.module() + ": image without a tag");
            assertEquals(service.port(), container.path("ports").get(0).path("containerPort").asInt(), dir + " " + service.module());
        }
    }

    @Test
    void everyComposeServiceImageIsTheImageOfARealService() {
        ComposeFile compose = ComposeFile.read();
        for (String module : Services.MODULES) {
            assertEquals(Services.named(module).applicationName(), imageName(compose.service(module).path("image").asText()), module);
        }
        for (String name : compose.serviceNames()) {
            String image = compose.service(name).path("image").asText();
            if (image.contains("CPA_REGISTRY")) {
                assertTrue(Services.MODULES.contains(name), name + " runs a CPA image but is not a service module");
                assertEquals(name, imageName(image));
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {Manifests.BASE, Manifests.DEV, Manifests.PROD})
    void everyKubernetesServiceGetsItsDatabaseKafkaAndJwtSettings(String dir) {
        Manifests m = Manifests.of(dir);
        for (ObjectNode d : m.deployments()) {
            Services.Service service = Services.named(Kustomize.name(d));
            Map<String, String> env = m.environment(d);
            requireBasics(dir + " " + service.module(), service, env);
            Matcher jdbc = JDBC.matcher(env.get("QUARKUS_DATASOURCE_JDBC_URL"));
            assertTrue(jdbc.matches(), service.module() + ": " + env.get("QUARKUS_DATASOURCE_JDBC_URL"));
            assertTrue(jdbc.group(1).endsWith("-rw"), service.module() + ": not the primary (-rw) of a CloudNativePG cluster");
            String cluster = jdbc.group(1).substring(0, jdbc.group(1).length() - "-rw".length());
            ObjectNode db = m.get("Cluster", cluster);
            assertEquals(db.path("spec").path("bootstrap").path("initdb").path("database").asText(), jdbc.group(3), service.module());
            assertEquals("secret:" + cluster + "-app/username", env.get("QUARKUS_DATASOURCE_USERNAME"), service.module());
            assertEquals("secret:" + cluster + "-app/password", env.get("QUARKUS_DATASOURCE_PASSWORD"), service.module());
            if (service.usesKafka()) {
                String bootstrap = env.get("KAFKA_BOOTSTRAP_SERVERS");
                String kafka = m.ofKind("Kafka").get(0).path("metadata").path("name").asText();
                assertEquals(kafka + "-kafka-bootstrap:9092", bootstrap, service.module());
            }
        }
        long clusters = m.ofKind("Cluster").size();
        assertEquals(m.deployments().size(), clusters, dir + ": one database cluster per service");
    }

    @Test
    void everyComposeServiceGetsItsDatabaseKafkaAndJwtSettings() {
        ComposeFile compose = ComposeFile.read();
        for (String module : Services.MODULES) {
            Services.Service service = Services.named(module);
            Map<String, String> env = compose.environment(module);
            requireBasics("compose " + module, service, env);
            Matcher jdbc = JDBC.matcher(env.get("QUARKUS_DATASOURCE_JDBC_URL"));
            assertTrue(jdbc.matches() && jdbc.group(1).equals("postgres"), module + ": " + env.get("QUARKUS_DATASOURCE_JDBC_URL"));
            assertEquals(jdbc.group(3), env.get("QUARKUS_DATASOURCE_USERNAME"), module + ": each database has its owner role");
            if (service.usesKafka()) {
                assertEquals("kafka:9092", env.get("KAFKA_BOOTSTRAP_SERVERS"), module);
            }
        }
    }

    /** The gateway reaches each service it routes to by that service's name and port. */
    @Test
    void theGatewayRoutesToEveryServiceByItsNameAndPort() {
        Services.Service gateway = Services.named("gateway");
        List<String> routes = gateway.keys().stream().filter(k -> k.startsWith("cpa.gateway.proxy.services."))
                .map(k -> k.substring("cpa.gateway.proxy.services.".length())).toList();
        assertEquals(5, routes.size(), "routes: " + routes);
        ComposeFile compose = ComposeFile.read();
        for (String route : routes) {
            Services.Service target = Services.named(route + "-service");
            String env = Services.envName("cpa.gateway.proxy.services." + route);
            String url = "http://" + target.module() + ":" + target.port();
            assertEquals(url, compose.environment("gateway").get(env), "compose " + env);
            for (String dir : List.of(Manifests.BASE, Manifests.DEV, Manifests.PROD)) {
                Manifests m = Manifests.of(dir);
                assertEquals(url, m.environment(m.get("Deployment", "gateway")).get(env), dir + " " + env);
                JsonNode port = m.get("Service", target.module()).path("spec").path("ports").get(0);
                assertEquals(target.port(), port.path("port").asInt(), dir + " Service " + target.module());
            }
        }
    }

    private static void requireBasics(String where, Services.Service service, Map<String, String> env) {
        for (String key : List.of("quarkus.datasource.jdbc.url", "quarkus.datasource.username", "quarkus.datasource.password",
                "mp.jwt.verify.publickey.location", "mp.jwt.verify.issuer")) {
            assertTrue(env.containsKey(Services.envName(key)), where + ": " + key + " not set");
        }
        if (service.usesKafka()) {
            assertTrue(env.containsKey("KAFKA_BOOTSTRAP_SERVERS"), where + ": Kafka not set");
        } else {
            assertTrue(!env.containsKey("KAFKA_BOOTSTRAP_SERVERS"), where + ": Kafka set on a service without Kafka");
        }
        // Keys whose every value in the sources is profile-specific (%dev, %test, %local) and that have
        // no default: production must set them.
        for (String key : service.requiredInProduction()) {
            assertTrue(env.containsKey(Services.envName(key)), where + ": " + key + " has no production value and is not set");
        }
    }

    static String imageName(String image) {
        Matcher m = IMAGE.matcher(image.replaceAll("\\$\\{[^}]*}", "x"));
        return m.matches() ? m.group(1) : image;
    }
}
