package fr.cpa.testing;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;

/** Free TCP ports, so that tests and a running local stack never clash. */
public final class Ports {

    /*
     * Below Linux's ephemeral range (32768-60999 by default). A port the kernel hands out for
     * "port 0" comes from that range, and so do the local ports of outgoing connections: a stack
     * opening hundreds of Kafka and JDBC connections took such a port before a service bound it.
     * Picking from below the range leaves only other listeners as competitors.
     */
    private static final int LOWEST = 20000;
    private static final int HIGHEST = 32000;
    private static final int ATTEMPTS = 200;
    /** Ports already handed out by this JVM: a closed probe socket would let the same port come twice. */
    private static final Set<Integer> GIVEN = ConcurrentHashMap.newKeySet();

    private Ports() {
    }

    /** A port free right now, outside the ephemeral range; another listener could still take it first. */
    public static int free() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            int port = random.nextInt(LOWEST, HIGHEST);
            if (isFree(port) && GIVEN.add(port)) {
                return port;
            }
        }
        throw new IllegalStateException("No free port between " + LOWEST + " and " + HIGHEST);
    }

    private static boolean isFree(int port) {
        try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
            socket.setReuseAddress(true);
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
