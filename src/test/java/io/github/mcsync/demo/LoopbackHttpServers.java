package io.github.mcsync.demo;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;

/**
 * Creates the simulators' JDK HTTP servers with TCP_NODELAY: the JDK server writes a response's headers and
 * body separately, and without it Nagle's algorithm and delayed ACKs add about 40 ms to every exchange.
 */
public final class LoopbackHttpServers {
    static {
        System.setProperty("sun.net.httpserver.nodelay", "true");
    }

    private LoopbackHttpServers() {
    }

    public static HttpServer create(InetSocketAddress address, int backlog) throws IOException {
        return HttpServer.create(address, backlog);
    }
}
