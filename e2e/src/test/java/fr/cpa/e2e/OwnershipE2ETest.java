package fr.cpa.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 12, access: generated from the merged OpenAPI, so that a new endpoint cannot slip through.
 * Every operation is called as each party that does not own what it names — another holder than the
 * one in the path, an employer or organisation of another SIRET than the one in the path, query or
 * body, an association of another RNA number — and as anonymous where a token is required. None of
 * these calls may succeed: each must be a 401/403 problem (or a 404 that reveals nothing, or a 400 for a
 * request refused before any resource is read).
 */
@ExtendWith(SuiteExtension.class)
@Order(Integer.MAX_VALUE - 2)
class OwnershipE2ETest {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** How the calls were refused, for the report. */
    private static final Map<Integer, Integer> STATUSES = new java.util.TreeMap<>();
    private static final List<String> METHODS = List.of("get", "post", "put", "patch", "delete");
    private static final String OWN_SIRET = "73282932000074";
    private static final String OTHER_SIRET = "78959578200051";
    private static final String OWN_RNA = "W751234567";
    private static final String OTHER_RNA = "W759999999";

    @Test
    void noPartyReachesWhatBelongsToAnother() throws Exception {
        JsonNode merged = JSON.readTree(given().accept(ContentType.JSON).when().get("/openapi")
                .then().statusCode(200).extract().asString());
        RequestMutations schemas = new RequestMutations(merged);
        String owner = RightsReachTheCpfE2ETest.registerHolder(HolderRegistrationE2ETest.nir());

        String otherHolder = SuiteExtension.token("holder", UUID.randomUUID().toString());
        String otherEmployer = SuiteExtension.token(Map.of("role", "employer", "subject", "payroll-other", "siret", OTHER_SIRET));
        String otherOrganisation = SuiteExtension.token(Map.of("role", "training-org", "subject", "org-other", "siret", OTHER_SIRET));
        String otherAssociation = SuiteExtension.token(Map.of("role", "association", "subject", "asso-other", "rna", OTHER_RNA));

        List<String> leaks = new ArrayList<>();
        Map<String, Integer> checked = new LinkedHashMap<>();
        Iterator<Map.Entry<String, JsonNode>> paths = merged.path("paths").fields();
        while (paths.hasNext()) {
            Map.Entry<String, JsonNode> entry = paths.next();
            String path = entry.getKey();
            if (!path.startsWith("/api/v1/")) {
                continue;
            }
            for (String method : METHODS) {
                JsonNode operation = entry.getValue().get(method);
                if (operation == null) {
                    continue;
                }
                Map<String, String> values = Requests.pathValues(path, owner, OWN_SIRET, OWN_RNA);
                String url = Requests.fill(path, values);
                JsonNode bodySchema = operation.path("requestBody").path("content").path("application/json").path("schema");
                JsonNode body = bodySchema.isMissingNode() ? null : ownedBody(schemas.sample(bodySchema, 0), owner);
                Map<String, String> query = new LinkedHashMap<>();
                for (JsonNode parameter : operation.path("parameters")) {
                    JsonNode p = schemas.resolve(parameter);
                    if ("query".equals(p.path("in").asText()) && p.path("name").asText().equalsIgnoreCase("siret")) {
                        query.put(p.path("name").asText(), OWN_SIRET);
                    }
                }
                boolean ownsByHolder = values.containsValue(owner) && path.startsWith("/api/v1/holders/{");
                boolean ownsBySiret = values.containsValue(OWN_SIRET) || !query.isEmpty()
                        || (body != null && body.toString().contains(OWN_SIRET));
                boolean ownsByRna = values.containsValue(OWN_RNA) || (body != null && body.toString().contains(OWN_RNA));
                boolean publicOperation = !operation.has("security") || operation.path("security").isEmpty();

                String name = method.toUpperCase() + " " + path;
                if (ownsByHolder) {
                    check(name + " as another holder", otherHolder, method, url, query, body, leaks, checked);
                    check(name + " as an employer", otherEmployer, method, url, query, body, leaks, checked);
                }
                if (ownsBySiret) {
                    check(name + " as an employer of another SIRET", otherEmployer, method, url, query, body, leaks, checked);
                    check(name + " as an organisation of another SIRET", otherOrganisation, method, url, query, body, leaks, checked);
                }
                if (ownsByRna) {
                    check(name + " as another association", otherAssociation, method, url, query, body, leaks, checked);
                }
                if (!publicOperation && (ownsByHolder || ownsBySiret || ownsByRna || !values.isEmpty())) {
                    check(name + " anonymously", null, method, url, query, body, leaks, checked);
                }
            }
        }
        System.out.printf("ownership: %d operations checked, %d calls, answered by status: %s%n", checked.size(),
                checked.values().stream().mapToInt(Integer::intValue).sum(), STATUSES);
        assertTrue(checked.size() >= 20, "too few owned operations found in the merged OpenAPI: " + checked.keySet());
        assertTrue(leaks.isEmpty(), "calls by a party that does not own the resource were not refused:\n" + String.join("\n", leaks));
    }

    private static void check(String name, String token, String method, String url, Map<String, String> query, JsonNode body,
                              List<String> leaks, Map<String, Integer> checked) {
        RequestSpecification request = given().queryParams(query);
        if (token != null) {
            request.auth().oauth2(token);
        }
        if (body != null) {
            request.contentType(ContentType.JSON).body(body.toString());
        }
        var response = request.when().request(method.toUpperCase(), url).then().extract();
        int status = response.statusCode();
        STATUSES.merge(status, 1, Integer::sum);
        checked.merge(name.substring(0, name.indexOf(" as ") > 0 ? name.indexOf(" as ") : name.indexOf(" anonymously")), 1, Integer::sum);
        // 401/403: refused for who the caller is; 404: nothing revealed; 400: the request itself is
        // refused before any resource is looked at (Bean Validation of the body runs before the
        // method's ownership check). Anything else — a success, a 409 or 422 from business rules —
        // means the call reached another party's resource.
        boolean refused = status == 401 || status == 403 || status == 404 || status == 400;
        if (!refused) {
            leaks.add(name + " → " + status + " " + abbreviate(response.asString()));
        } else if (!response.contentType().startsWith("application/problem+json")) {
            leaks.add(name + " → " + status + " without a problem document (" + response.contentType() + ")");
        }
    }

    /** The sample body, naming the owner: its holder, SIRET and RNA fields set to the owner's. */
    private static JsonNode ownedBody(JsonNode sample, String holder) {
        if (sample instanceof ObjectNode object) {
            List<String> fields = new ArrayList<>();
            object.fieldNames().forEachRemaining(fields::add);
            for (String field : fields) {
                String lower = field.toLowerCase();
                if (lower.equals("siret")) {
                    object.put(field, OWN_SIRET);
                } else if (lower.equals("rna")) {
                    object.put(field, OWN_RNA);
                } else if (lower.equals("holderid")) {
                    object.put(field, holder);
                } else {
                    ownedBody(object.get(field), holder);
                }
            }
        } else if (sample != null && sample.isArray()) {
            sample.forEach(item -> ownedBody(item, holder));
        }
        return sample;
    }

    private static String abbreviate(String body) {
        return body.length() > 200 ? body.substring(0, 200) + "…" : body;
    }
}
