package io.github.mcsync;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Ports for servers a test starts later (the ops API, Camel's management server, a replica, a port where nothing
 * listens). A port the system handed out for {@code new ServerSocket(0)} comes from its ephemeral range, the very range
 * every outgoing connection (HTTP clients, JDBC) takes its local port from: between closing it and the server's bind,
 * a client can take it ("Address already in use"). These come from below Linux's ephemeral range (32768-60999), where
 * no outgoing connection lands, starting at a place of their own in each JVM, and are checked free at the wildcard
 * address.
 */
public final class FreePorts {
    private static final int LOW = 20_000;
    private static final int HIGH = 32_000;
    private static final AtomicInteger NEXT = new AtomicInteger((int) ((ProcessHandle.current().pid() * 7919
            + System.nanoTime()) % (HIGH - LOW)));

    private FreePorts() {
    }

    /** A port free now that no other caller in this JVM got. */
    public static int next() {
        for (int tries = 0; tries < HIGH - LOW; tries++) {
            int port = LOW + Math.floorMod(NEXT.getAndIncrement(), HIGH - LOW);
            if (isFree(port)) {
                return port;
            }
        }
        throw new IllegalStateException("no free port in " + LOW + "-" + HIGH);
    }

    private static boolean isFree(int port) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(false);
            socket.bind(new InetSocketAddress(port));
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
