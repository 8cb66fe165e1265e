package fr.cpa.gateway.security;

import com.sun.net.httpserver.HttpServer;
import fr.cpa.testing.JwtKeysTestResource;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.jose4j.jwk.RsaJsonWebKey;

/**
 * The test key pair, with its public half served as a JWKS by an identity provider that takes
 * {@link #DELAY_MS} to answer, as production's key location is the provider's JWKS URL.
 */
public class SlowJwksTestResource implements QuarkusTestResourceLifecycleManager {

    static final long DELAY_MS = 4_000;

    private HttpServer server;
    private ExecutorService executor;

    @Override
    public Map<String, String> start() {
        Map<String, String> config = new HashMap<>(new JwtKeysTestResource().start());
        try {
            byte[] jwks = jwks(Path.of(config.get("mp.jwt.verify.publickey.location")));
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            executor = Executors.newCachedThreadPool();
            server.setExecutor(executor);
            server.createContext("/jwks.json", exchange -> {
                try {
                    Thread.sleep(DELAY_MS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                exchange.getResponseHeaders().set("Content-Type", "application/json");
                exchange.sendResponseHeaders(200, jwks.length);
                exchange.getResponseBody().write(jwks);
                exchange.close();
            });
            server.start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        config.put("mp.jwt.verify.publickey.location", "http://127.0.0.1:" + server.getAddress().getPort() + "/jwks.json");
        return config;
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop(0);
        }
        if (executor != null) {
            executor.shutdownNow(); // a JWKS answer still sleeping
        }
    }

    private static byte[] jwks(Path publicKeyPem) throws IOException {
        String der = Files.readString(publicKeyPem).replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
        try {
            RSAPublicKey key = (RSAPublicKey) KeyFactory.getInstance("RSA")
                    .generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(der)));
            RsaJsonWebKey jwk = new RsaJsonWebKey(key);
            jwk.setAlgorithm("RS256");
            jwk.setUse("sig");
            return ("{\"keys\":[" + jwk.toJson() + "]}").getBytes(StandardCharsets.UTF_8);
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
