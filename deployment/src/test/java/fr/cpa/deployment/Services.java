package fr.cpa.deployment;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The six services as their own sources describe them: application name, HTTP port, every
 * configuration key they know and the Kafka topics they use. Read from each module's
 * application.properties, platform's shared defaults (META-INF/microprofile-config.properties) for
 * the modules built on platform, and the {@code @ConfigMapping} prefixes and {@code @ConfigProperty}
 * names of their Java sources. Nothing here is a copied list: a renamed key breaks the manifests' tests.
 */
final class Services {

    static final List<String> MODULES = List.of("gateway", "account-service", "training-rights-service",
            "hardship-service", "civic-engagement-service", "catalogue-service");

    /**
     * Quarkus extension keys that a deployment sets although no properties file of ours names them:
     * the datasource's address and credentials (with {@code quarkus.datasource.db-kind} configured).
     */
    static final Set<String> DATASOURCE_RUNTIME_KEYS = Set.of(
            "quarkus.datasource.jdbc.url", "quarkus.datasource.username", "quarkus.datasource.password");

    private static final Pattern PROFILE = Pattern.compile("^%[^.]+\\.");
    private static final Pattern CONFIG_MAPPING = Pattern.compile("@ConfigMapping\\(\\s*prefix\\s*=\\s*\"([^\"]+)\"");
    /** {@code @ConfigProperty(name = "k", …) Type}: the key, the other attributes, the injected type. */
    private static final Pattern CONFIG_PROPERTY = Pattern.compile("@ConfigProperty\\(\\s*name\\s*=\\s*\"([^\"]+)\"([^)]*)\\)\\s*([A-Za-z]*)");
    /** A property expression in an annotation, e.g. {@code @Scheduled(every = "${cpa.enrolment.sweep-every:1m}")}. */
    private static final Pattern EXPRESSION = Pattern.compile("\"[^\"]*\\$\\{([a-z][a-z0-9.\\-]*)(?::[^}]*)?}");
    private static final Pattern TOPIC_KEY = Pattern.compile("^mp\\.messaging\\.(incoming|outgoing)\\.[^.]+\\.(topic|dead-letter-queue\\.topic)$");

    record Service(String module, String applicationName, int port, Set<String> keys, Set<String> prefixes,
                   Set<String> topics, boolean usesPlatform, Set<String> requiredInProduction) {

        /** Whether Quarkus would read this environment variable as one of the service's configuration keys. */
        boolean knowsEnv(String variable) {
            return keys.stream().anyMatch(k -> envName(k).equals(variable))
                    || prefixes.stream().anyMatch(p -> variable.startsWith(envName(p) + "_"));
        }

        boolean usesKafka() {
            return keys.contains("kafka.bootstrap.servers");
        }
    }

    private static final List<Service> ALL = MODULES.stream().map(Services::load).toList();

    private Services() {
    }

    static List<Service> all() {
        return ALL;
    }

    static Service named(String module) {
        return ALL.stream().filter(s -> s.module().equals(module)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("No service module " + module + " (known: " + MODULES + ")"));
    }

    /**
     * The environment variable SmallRye Config reads for a property: every character that is not a
     * letter or a digit becomes '_', letters upper case ({@code quarkus.datasource.jdbc.url} →
     * {@code QUARKUS_DATASOURCE_JDBC_URL}; {@code cpa.gateway.proxy.services.training-rights} →
     * {@code CPA_GATEWAY_PROXY_SERVICES_TRAINING_RIGHTS}).
     */
    static String envName(String key) {
        StringBuilder env = new StringBuilder(key.length());
        for (char c : key.toCharArray()) {
            env.append(c < 128 && Character.isLetterOrDigit(c) ? Character.toUpperCase(c) : '_');
        }
        return env.toString();
    }

    private static Service load(String module) {
        Path dir = Repo.path(module);
        boolean usesPlatform = Repo.read(dir.resolve("pom.xml")).contains("<artifactId>platform</artifactId>");
        Properties own = properties(dir.resolve("src/main/resources/application.properties"));
        Set<String> keys = new TreeSet<>();
        Set<String> prefixes = new TreeSet<>();
        Set<String> topics = new TreeSet<>();
        List<Properties> files = usesPlatform
                ? List.of(properties(Repo.path("platform/src/main/resources/META-INF/microprofile-config.properties")), own)
                : List.of(own);
        for (Properties p : files) {
            for (String raw : p.stringPropertyNames()) {
                String key = PROFILE.matcher(raw).replaceFirst("");
                keys.add(key);
                if (TOPIC_KEY.matcher(key).matches()) {
                    topics.add(p.getProperty(raw).trim());
                }
            }
        }
        Set<String> optional = new TreeSet<>();
        scanSources(dir.resolve("src/main/java"), keys, prefixes, optional);
        if (usesPlatform) {
            scanSources(Repo.path("platform/src/main/java"), keys, prefixes, optional);
        }
        if (keys.contains("quarkus.datasource.db-kind")) {
            keys.addAll(DATASOURCE_RUNTIME_KEYS);
        }
        // Key material and key files that the module's own properties give only to the dev, test and
        // local profiles (throw-away keys, generated files) and that the code does not take as optional
        // or with a default: production has no value unless deployed.
        Set<String> unprofiled = new TreeSet<>();
        Set<String> profiled = new TreeSet<>();
        for (String raw : own.stringPropertyNames()) {
            (raw.startsWith("%") ? profiled : unprofiled).add(PROFILE.matcher(raw).replaceFirst(""));
        }
        Set<String> required = new TreeSet<>();
        profiled.stream().filter(k -> !unprofiled.contains(k) && !optional.contains(k))
                .filter(k -> k.endsWith("-key") || k.endsWith(".location"))
                .forEach(required::add);
        String name = own.getProperty("quarkus.application.name");
        String port = own.getProperty("quarkus.http.port");
        if (name == null || port == null) {
            throw new IllegalStateException(module + ": application.properties lacks quarkus.application.name or quarkus.http.port");
        }
        return new Service(module, name, Integer.parseInt(port.trim()), Set.copyOf(keys), Set.copyOf(prefixes),
                Set.copyOf(topics), usesPlatform, Set.copyOf(required));
    }

    private static Properties properties(Path file) {
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(file)) {
            p.load(r);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return p;
    }

    /** Collects keys and mapping prefixes; {@code optional}: keys injected with a default or as an Optional. */
    private static void scanSources(Path root, Set<String> keys, Set<String> prefixes, Set<String> optional) {
        try (Stream<Path> files = Files.walk(root)) {
            files.filter(f -> f.toString().endsWith(".java")).forEach(f -> scan(Repo.read(f), keys, prefixes, optional));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void scan(String source, Set<String> keys, Set<String> prefixes, Set<String> optional) {
        Matcher m = CONFIG_MAPPING.matcher(source);
        while (m.find()) {
            prefixes.add(m.group(1));
        }
        m = CONFIG_PROPERTY.matcher(source);
        while (m.find()) {
            keys.add(m.group(1));
            if (m.group(2).contains("defaultValue") || m.group(3).startsWith("Optional")) {
                optional.add(m.group(1));
            }
        }
        m = EXPRESSION.matcher(source);
        while (m.find()) {
            keys.add(m.group(1));
        }
    }
}
