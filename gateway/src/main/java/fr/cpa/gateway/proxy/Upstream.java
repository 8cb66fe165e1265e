package fr.cpa.gateway.proxy;

import io.vertx.core.http.RequestOptions;
import java.net.URI;

/** A service the gateway forwards to: its name (for logs and problems) and where it listens. */
record Upstream(String name, String host, int port, boolean ssl) {

    static Upstream of(String name, URI baseUrl) {
        String scheme = baseUrl.getScheme();
        boolean ssl = "https".equals(scheme);
        if (!ssl && !"http".equals(scheme) || baseUrl.getHost() == null) {
            throw new IllegalArgumentException("service " + name + ": '" + baseUrl + "' is not an http(s)://host[:port] URL");
        }
        // Paths are forwarded unchanged, so a path in the base URL would silently be ignored.
        String path = baseUrl.getRawPath();
        if (path != null && !path.isEmpty() && !path.equals("/")) {
            throw new IllegalArgumentException("service " + name + ": '" + baseUrl + "' must have no path");
        }
        int port = baseUrl.getPort() != -1 ? baseUrl.getPort() : ssl ? 443 : 80;
        return new Upstream(name, baseUrl.getHost(), port, ssl);
    }

    RequestOptions server() {
        return new RequestOptions().setHost(host).setPort(port).setSsl(ssl);
    }
}
