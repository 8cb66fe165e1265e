package fr.cpa.deployment;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** docker-compose.yml: official images, KRaft, one database per service, health checks, no secrets. */
class ComposeTest {

    private static final Pattern VARIABLE = Pattern.compile("\\$\\{([A-Z0-9_]+)(?:(:?[-?])[^}]*)?}");
    private static final Pattern SECRET_NAME = Pattern.compile(".*(PASSWORD|SECRET).*|.*_KEY$");

    @Test
    void postgresAndKafkaComeFromTheirOfficialImagesKafkaInKraftMode() {
        ComposeFile compose = ComposeFile.read();
        assertTrue(compose.service("postgres").path("image").asText().matches("postgres:\\d+.*"));
        assertTrue(compose.service("kafka").path("image").asText().matches("apache/kafka:\\d+\\.\\d+\\.\\d+"));
        Map<String, String> kafka = compose.environment("kafka");
        assertEquals(Set.of("broker", "controller"), Set.of(kafka.get("KAFKA_PROCESS_ROLES").split(",")));
        assertTrue(kafka.containsKey("KAFKA_CONTROLLER_QUORUM_VOTERS"));
        assertFalse(compose.serviceNames().stream().anyMatch(n -> n.contains("zookeeper")));
    }

    @Test
    void theInitScriptCreatesTheDatabaseAndRoleEveryServiceConnectsWith() {
        ComposeFile compose = ComposeFile.read();
        String script = Repo.read(Repo.path(initScriptPath(compose)));
        Map<String, String> postgres = compose.environment("postgres");
        for (String module : Services.MODULES) {
            Map<String, String> env = compose.environment(module);
            String database = env.get("QUARKUS_DATASOURCE_JDBC_URL").replaceFirst(".*/", "");
            String role = env.get("QUARKUS_DATASOURCE_USERNAME");
            Matcher line = Pattern.compile("(?m)^create\\s+" + database + "\\s+" + role + "\\s+\"\\$\\{([A-Z0-9_]+)").matcher(script);
            assertTrue(line.find(), "postgres-init.sh does not create database " + database + " owned by " + role);
            String passwordVariable = line.group(1);
            assertTrue(postgres.containsKey(passwordVariable), "postgres does not receive " + passwordVariable);
            assertEquals(postgres.get(passwordVariable), env.get("QUARKUS_DATASOURCE_PASSWORD"),
                    module + " connects with another password than its role was created with");
        }
    }

    @Test
    void everyLongRunningServiceHasAHealthCheckAndWaitsForHealthyDependencies() {
        ComposeFile compose = ComposeFile.read();
        for (String name : compose.serviceNames()) {
            JsonNode s = compose.service(name);
            boolean oneShot = s.path("restart").asText().equals("no");
            if (!oneShot) {
                assertFalse(s.path("healthcheck").path("test").isMissingNode(), name + ": no health check");
            }
            s.path("depends_on").fields().forEachRemaining(dep -> {
                String condition = dep.getValue().path("condition").asText();
                boolean depOneShot = compose.service(dep.getKey()).path("restart").asText().equals("no");
                assertEquals(depOneShot ? "service_completed_successfully" : "service_healthy", condition,
                        name + " → " + dep.getKey());
            });
        }
        for (String module : Services.MODULES) {
            String test = compose.service(module).path("healthcheck").path("test").toString();
            assertTrue(test.contains("/q/health/ready") && test.contains("/" + Services.named(module).port() + " "),
                    module + ": health check not on its readiness endpoint and port: " + test);
        }
        Set<String> gatewayDeps = new HashSet<>();
        compose.service("gateway").path("depends_on").fieldNames().forEachRemaining(gatewayDeps::add);
        assertTrue(gatewayDeps.containsAll(Services.MODULES.stream().filter(m -> !m.equals("gateway")).toList()),
                "the gateway starts after every service: " + gatewayDeps);
    }

    /** The images size their heap as a share of the container's memory: a service without a limit would take the host's. */
    @Test
    void everyServiceHasAMemoryLimitForItsHeapToBeAShareOf() {
        ComposeFile compose = ComposeFile.read();
        for (String module : Services.MODULES) {
            String limit = compose.service(module).path("mem_limit").asText();
            assertTrue(limit.matches("\\d+[mg]"), module + ": mem_limit " + limit);
        }
    }

    @Test
    void onlyTheGatewayPublishesAPort() {
        ComposeFile compose = ComposeFile.read();
        for (String name : compose.serviceNames()) {
            JsonNode ports = compose.service(name).path("ports");
            if (name.equals("gateway")) {
                assertEquals(1, ports.size());
                assertTrue(ports.get(0).asText().endsWith(":" + Services.named("gateway").port()), ports.toString());
            } else {
                assertTrue(ports.isMissingNode() || ports.isEmpty(), name + " publishes " + ports);
                assertTrue(compose.service(name).path("network_mode").isMissingNode(), name + ": network_mode");
            }
        }
    }

    @Test
    void noSecretIsWrittenInTheFileEveryVariableIsDeclaredInEnvExample() throws Exception {
        ComposeFile compose = ComposeFile.read();
        for (String name : compose.serviceNames()) {
            compose.environment(name).forEach((env, value) -> {
                if (SECRET_NAME.matcher(env).matches()) {
                    assertTrue(value.matches("\\$\\{[A-Z0-9_]+:\\?[^}]*}"),
                            name + ": " + env + " must come from .env, required (${VAR:?message}): " + value);
                }
            });
        }
        Properties example = new Properties();
        try (var r = java.nio.file.Files.newBufferedReader(Repo.path(".env.example"))) {
            example.load(r);
        }
        Matcher m = VARIABLE.matcher(Repo.read(Repo.path("docker-compose.yml")));
        while (m.find()) {
            assertTrue(example.containsKey(m.group(1)), m.group(1) + " is used by docker-compose.yml but not in .env.example");
        }
        for (String key : example.stringPropertyNames()) {
            if (SECRET_NAME.matcher(key).matches()) {
                assertEquals("", example.getProperty(key), ".env.example must not carry a value for " + key);
            }
        }
        assertFalse(Repo.read(Repo.path("docker-compose.yml")).contains("BEGIN PRIVATE KEY"));
    }

    static String initScriptPath(ComposeFile compose) {
        for (JsonNode volume : compose.service("postgres").path("volumes")) {
            String[] parts = volume.asText().split(":");
            if (parts.length >= 2 && parts[1].startsWith("/docker-entrypoint-initdb.d/")) {
                return parts[0].replaceFirst("^\\./", "");
            }
        }
        throw new AssertionError("postgres mounts no init script");
    }
}
