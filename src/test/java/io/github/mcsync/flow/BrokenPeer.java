package io.github.mcsync.flow;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A raw HTTP peer for time-out tests: it reads each request, answers a status line, headers (announcing a longer body
 * than it sends) and the first bytes of the body, then either resets the connection (RST) or stalls without a word.
 */
final class BrokenPeer implements AutoCloseable {
    enum Mode { RESET, STALL }

    private final ServerSocket server;
    private final Mode mode;
    private final String contentType;
    private final String bodyStart;
    private final List<Socket> open = new CopyOnWriteArrayList<>();
    private volatile int requests;

    BrokenPeer(Mode mode, String contentType, String bodyStart) throws IOException {
        this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        this.mode = mode;
        this.contentType = contentType;
        this.bodyStart = bodyStart;
        Thread t = new Thread(this::serve, "broken-peer-" + server.getLocalPort());
        t.setDaemon(true);
        t.start();
    }

    String url(String path) {
        return "http://127.0.0.1:" + server.getLocalPort() + path;
    }

    int requests() {
        return requests;
    }

    private void serve() {
        while (!server.isClosed()) {
            try {
                Socket s = server.accept();
                open.add(s);
                Thread t = new Thread(() -> answer(s), "broken-peer-answer");
                t.setDaemon(true);
                t.start();
            } catch (IOException closed) {
                return;
            }
        }
    }

    private void answer(Socket s) {
        try {
            InputStream in = s.getInputStream();
            String head = readHead(in);
            int length = 0;
            for (String line : head.split("\r\n")) {
                if (line.toLowerCase().startsWith("content-length:")) {
                    length = Integer.parseInt(line.substring(15).strip());
                }
            }
            in.readNBytes(length);
            requests++;
            OutputStream out = s.getOutputStream();
            out.write(("HTTP/1.1 200 OK\r\nContent-Type: " + contentType + "\r\nContent-Length: 4000\r\n\r\n" + bodyStart)
                    .getBytes(StandardCharsets.UTF_8));
            out.flush();
            if (mode == Mode.RESET) {
                Thread.sleep(100);
                s.setSoLinger(true, 0); // close with RST in the middle of the answer
                s.close();
            } else {
                Thread.sleep(120_000); // silence; the connection stays open
            }
        } catch (IOException | InterruptedException | RuntimeException e) {
            // the client gave up: fine
        }
    }

    private static String readHead(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int b;
        while ((b = in.read()) != -1) {
            head.write(b);
            byte[] h = head.toByteArray();
            int n = h.length;
            if (n >= 4 && h[n - 4] == '\r' && h[n - 3] == '\n' && h[n - 2] == '\r' && h[n - 1] == '\n') {
                break;
            }
        }
        return head.toString(StandardCharsets.ISO_8859_1);
    }

    @Override
    public void close() throws IOException {
        server.close();
        for (Socket s : open) {
            s.close();
        }
    }
}
