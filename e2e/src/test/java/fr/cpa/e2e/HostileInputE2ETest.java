package fr.cpa.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.UUID;
import java.util.regex.Pattern;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 12, hostile input: every operation of the merged OpenAPI (read from the gateway, so a new
 * endpoint is covered without touching this test) receives a generated battery of malformed
 * requests — at least {@value #PER_SERVICE} per service — with a token that passes its role check, so
 * that validation is reached. Every answer must be a 4xx {@code application/problem+json} (or a
 * success where the variant may be valid, such as a field left out that is optional), never a 5xx,
 * never a stack trace.
 */
@ExtendWith(SuiteExtension.class)
@Order(Integer.MAX_VALUE - 1) // after the scenarios (default order: MAX_VALUE / 2): its accepted variants write data the scenarios do not expect
class HostileInputE2ETest {

    static final int PER_SERVICE = 1_000;
    private static final List<String> SERVICES = List.of("account", "training-rights", "hardship", "civic-engagement", "catalogue");
    private static final List<String> METHODS = List.of("get", "post", "put", "patch", "delete");
    private static final Pattern STACK_TRACE = Pattern.compile("\\bat (fr\\.cpa|io\\.quarkus|java\\.|org\\.hibernate|io\\.vertx)\\.|Exception:");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String SIRET = "73282932000074";
    private static final String RNA = "W751234567";

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    record Operation(String service, String method, String path, JsonNode description) {
    }

    /** The request an operation gets: its token, path values and the variants to send. */
    record Target(Operation operation, String token, Map<String, String> pathValues, String validBody) {
    }

    @Test
    void everyEndpointAnswersMalformedRequestsWithA4xxProblemNeverA5xx() throws Exception {
        JsonNode merged = JSON.readTree(given().accept(ContentType.JSON).when().get("/openapi")
                .then().statusCode(200).extract().asString());
        Map<String, String> serviceOfPath = serviceOfEachPath();
        RequestMutations mutations = new RequestMutations(merged);
        Random random = new Random(12);

        Map<String, List<Target>> targets = new TreeMap<>();
        Iterator<Map.Entry<String, JsonNode>> paths = merged.path("paths").fields();
        while (paths.hasNext()) {
            Map.Entry<String, JsonNode> path = paths.next();
            String service = serviceOfPath.get(path.getKey());
            if (service == null) {
                continue; // the gateway's own /auth endpoints have their tests in the gateway
            }
            for (String method : METHODS) {
                JsonNode operation = path.getValue().get(method);
                if (operation != null) {
                    Operation op = new Operation(service, method, path.getKey(), operation);
                    targets.computeIfAbsent(service, s -> new ArrayList<>()).add(target(op, mutations));
                }
            }
        }

        Map<String, int[]> counts = new TreeMap<>(); // sent, 4xx, 2xx/3xx, 429
        List<String> failures = new ArrayList<>();
        for (String service : SERVICES) {
            List<Target> ofService = targets.getOrDefault(service, List.of());
            assertTrue(!ofService.isEmpty(), service + " has no operation in the merged OpenAPI");
            int[] count = counts.computeIfAbsent(service, s -> new int[4]);
            int round = 0;
            while (count[0] < PER_SERVICE) {
                for (Target target : ofService) {
                    for (RequestMutations.Variant variant : variants(target, mutations, new Random(random.nextLong()), round)) {
                        send(target, variant, count, failures);
                    }
                }
                round++;
            }
        }

        StringBuilder report = new StringBuilder("hostile input, per service: sent / 4xx problems / accepted / rate-limited\n");
        counts.forEach((service, c) -> report.append(String.format("  %-18s %5d %5d %5d %5d%n", service, c[0], c[1], c[2], c[3])));
        System.out.println(report);
        assertTrue(failures.isEmpty(), failures.size() + " answers broke the rules (first 40):\n"
                + String.join("\n", failures.subList(0, Math.min(40, failures.size()))) + "\n" + report);
    }

    /** The first round sends every mutation once; later rounds (to reach the count) random garbage. */
    private List<RequestMutations.Variant> variants(Target target, RequestMutations mutations, Random random, int round) {
        JsonNode operation = target.operation().description();
        JsonNode bodySchema = operation.path("requestBody").path("content").path("application/json").path("schema");
        String contentType = bodySchema.isMissingNode() ? null : "application/json";
        List<RequestMutations.Variant> variants = new ArrayList<>();
        if (round == 0) {
            if (!bodySchema.isMissingNode()) {
                variants.addAll(mutations.bodyVariants(bodySchema, random));
            }
            variants.addAll(mutations.queryVariants(operation.path("parameters"), contentType, target.validBody()));
            variants.addAll(mutations.pathVariants(List.copyOf(target.pathValues().keySet()), contentType, target.validBody()));
        } else if (!bodySchema.isMissingNode()) {
            variants.addAll(mutations.bodyVariants(bodySchema, random).stream().filter(v -> !v.mustBeRefused()).toList());
        } else {
            variants.addAll(mutations.queryVariants(operation.path("parameters"), contentType, target.validBody()));
            variants.addAll(mutations.pathVariants(List.copyOf(target.pathValues().keySet()), contentType, target.validBody()));
        }
        return variants;
    }

    private void send(Target target, RequestMutations.Variant variant, int[] count, List<String> failures) {
        Operation op = target.operation();
        Map<String, String> values = new LinkedHashMap<>(target.pathValues());
        values.putAll(variant.pathOverrides());
        String uri = SuiteExtension.stack().gatewayUrl() + Requests.fill(op.path(), values) + query(variant.query());
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(uri)).timeout(Duration.ofSeconds(60));
        if (target.token() != null) {
            request.header("Authorization", "Bearer " + target.token());
        }
        if (variant.contentType() != null) {
            request.header("Content-Type", variant.contentType());
        }
        HttpRequest.BodyPublisher body = variant.body() == null || op.method().equals("get") || op.method().equals("delete")
                ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(variant.body());
        request.method(op.method().toUpperCase(), body);
        String name = op.method().toUpperCase() + " " + op.path() + " — " + variant.description();
        count[0]++;
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            int status = response.statusCode();
            String type = response.headers().firstValue("Content-Type").orElse("");
            if (status >= 500) {
                failures.add(name + " → " + status + " " + abbreviate(response.body()));
            } else if (status >= 400) {
                count[1]++;
                if (status == 429) {
                    count[3]++;
                }
                if (!type.startsWith("application/problem+json")) {
                    failures.add(name + " → " + status + " with Content-Type '" + type + "'");
                }
            } else {
                count[2]++;
                if (variant.mustBeRefused()) {
                    failures.add(name + " → accepted with " + status);
                }
            }
            if (STACK_TRACE.matcher(response.body()).find()) {
                failures.add(name + " → a stack trace in the answer: " + abbreviate(response.body()));
            }
        } catch (IOException e) {
            failures.add(name + " → connection failed: " + e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * Picks the token that passes the operation's role check, by trying a valid request as
     * anonymous, then as the holder of the path, the employer and organisation of {@link #SIRET},
     * the association of {@link #RNA}, an advisor, an admin and a service.
     */
    private Target target(Operation op, RequestMutations mutations) {
        String holder = UUID.randomUUID().toString();
        Map<String, String> values = Requests.pathValues(op.path(), holder, SIRET, RNA);
        JsonNode bodySchema = op.description().path("requestBody").path("content").path("application/json").path("schema");
        String validBody = bodySchema.isMissingNode() ? null : RequestMutations.write(mutations.sample(bodySchema, 0));
        String subject = "hostile-" + UUID.randomUUID();
        List<Map<String, Object>> candidates = List.of(
                Map.of(),
                Map.of("role", "holder", "subject", holder, "acr", "substantial"),
                Map.of("role", "employer", "subject", subject, "siret", SIRET),
                Map.of("role", "training-org", "subject", subject, "siret", SIRET),
                Map.of("role", "association", "subject", subject, "rna", RNA),
                Map.of("role", "advisor", "subject", subject),
                Map.of("role", "admin", "subject", subject),
                Map.of("role", "service", "subject", subject));
        String chosen = null;
        for (Map<String, Object> candidate : candidates) {
            String token = candidate.isEmpty() ? null : SuiteExtension.token(candidate);
            int status = probe(op, values, token, validBody);
            chosen = token;
            if (status != 401 && status != 403) {
                break;
            }
        }
        return new Target(op, chosen, values, validBody);
    }

    private int probe(Operation op, Map<String, String> values, String token, String body) {
        var request = given();
        if (token != null) {
            request.auth().oauth2(token);
        }
        if (body != null) {
            request.contentType(ContentType.JSON).body(body);
        }
        return request.when().request(op.method().toUpperCase(), Requests.fill(op.path(), values)).then().extract().statusCode();
    }

    /** Each service's own OpenAPI, to tell which service serves which path of the merged one. */
    private static Map<String, String> serviceOfEachPath() throws IOException {
        Map<String, String> serviceOf = new LinkedHashMap<>();
        for (String service : SERVICES) {
            String document = given().baseUri(SuiteExtension.stack().serviceUrl(service)).accept(ContentType.JSON)
                    .when().get("/q/openapi?format=json").then().statusCode(200).extract().asString();
            JSON.readTree(document).path("paths").fieldNames().forEachRemaining(p -> serviceOf.put(p, service));
        }
        return serviceOf;
    }

    private static String query(Map<String, String> query) {
        if (query.isEmpty()) {
            return "";
        }
        StringBuilder q = new StringBuilder("?");
        query.forEach((k, v) -> q.append(q.length() > 1 ? "&" : "").append(URLEncoder.encode(k, StandardCharsets.UTF_8))
                .append('=').append(URLEncoder.encode(v, StandardCharsets.UTF_8)));
        return q.toString();
    }

    private static String abbreviate(String body) {
        return body.length() > 300 ? body.substring(0, 300) + "…" : body;
    }
}
