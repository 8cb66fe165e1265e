package fr.cpa.deployment;

import org.junit.jupiter.api.Test;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Images: every service builds one with Jib, whose settings are defined once (root pom), run as a
 * non-root user with container-aware heap flags, and are the UID the Deployments enforce.
 */
class JibTest {

    @Test
    void everyServiceBuildsItsImageWithJib() {
        for (String module : Services.MODULES) {
            assertTrue(Repo.read(Repo.path(module + "/pom.xml")).contains("<artifactId>quarkus-container-image-jib</artifactId>"),
                    module + " lacks quarkus-container-image-jib");
        }
    }

    @Test
    void theImageSettingsAreDefinedOnceNonRootWithContainerMemoryFlags() {
        String pom = Repo.read(Repo.path("pom.xml"));
        String user = property(pom, "quarkus.jib.user");
        assertTrue(user.matches("\\d+") && Integer.parseInt(user) > 0, "quarkus.jib.user must be a non-root numeric UID: " + user);
        assertFalse(property(pom, "quarkus.jib.base-jvm-image").isBlank());
        String jvm = property(pom, "quarkus.jib.jvm-additional-arguments");
        assertTrue(jvm.contains("-XX:MaxRAMPercentage="), jvm);
        assertTrue(jvm.contains("-XX:+ExitOnOutOfMemoryError"), jvm);
        assertFalse(property(pom, "quarkus.container-image.group").isBlank());
        for (String module : Services.MODULES) {
            String own = Repo.read(Repo.path(module + "/src/main/resources/application.properties"))
                    + Repo.read(Repo.path(module + "/pom.xml"));
            assertFalse(own.contains("quarkus.jib.user"), module + " overrides the shared Jib user");
        }
        for (String dir : new String[] {Manifests.BASE, Manifests.DEV, Manifests.PROD}) {
            Manifests.of(dir).deployments().forEach(d -> assertEquals(Integer.parseInt(user),
                    Manifests.podSpec(d).path("securityContext").path("runAsUser").asInt(), dir + " " + Kustomize.name(d)));
        }
    }

    @Test
    void theReadmeGivesTheBuildAndPushCommandForEveryService() {
        String readme = Repo.read(Repo.path("deployment/README.md"));
        Matcher command = Pattern.compile("\\./mvnw[^\\n]*(?:\\\\\\n[^\\n]*)*").matcher(readme);
        boolean found = false;
        while (command.find()) {
            String c = command.group();
            if (c.contains("-Dquarkus.container-image.push=true")) {
                found = true;
                assertTrue(c.contains("-Dquarkus.container-image.build=true"), c);
                for (String module : Services.MODULES) {
                    assertTrue(c.contains(module), "the build-and-push command leaves out " + module + ": " + c);
                }
            }
        }
        assertTrue(found, "deployment/README.md has no ./mvnw command that pushes the images");
    }

    private static String property(String pom, String name) {
        Matcher m = Pattern.compile("<" + Pattern.quote(name) + ">([^<]*)</" + Pattern.quote(name) + ">").matcher(pom);
        assertTrue(m.find(), "the root pom does not define " + name);
        return m.group(1).trim();
    }
}
