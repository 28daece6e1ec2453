package uk.gov.em.gateway.bench;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Semaphore;

/**
 * A minimal HTTP/1.1 client over a pool of persistent connections, for the load generator only: it writes a
 * request, reads the status line, the headers and a Content-Length body, and returns the connection to the pool.
 * Blocking, so it suits virtual threads; far cheaper per request than java.net.http, which matters when the
 * client shares two cores with the server it measures.
 */
final class KeepAliveConnections implements AutoCloseable {

    private final InetSocketAddress address;
    private final ConcurrentLinkedQueue<Connection> idle = new ConcurrentLinkedQueue<>();
    /** At most this many connections at once: an open-loop stall must queue requests, not exhaust file descriptors. */
    private final Semaphore permits;

    KeepAliveConnections(String host, int port, int maxConnections) {
        this.address = new InetSocketAddress(host, port);
        this.permits = new Semaphore(maxConnections);
    }

    /** POSTs the body with these headers and returns the status code, waiting for a free connection if need be. */
    int post(String path, Map<String, String> headers, byte[] body) throws IOException {
        permits.acquireUninterruptibly();
        try {
            Connection connection = idle.poll();
            if (connection == null) {
                connection = new Connection(address);
            }
            try {
                int status = connection.exchange(path, headers, body);
                idle.add(connection);
                return status;
            } catch (IOException | RuntimeException e) {
                connection.close();
                throw e;
            }
        } finally {
            permits.release();
        }
    }

    @Override
    public void close() {
        for (Connection c = idle.poll(); c != null; c = idle.poll()) {
            c.close();
        }
    }

    private static final class Connection {

        private final Socket socket;
        private final OutputStream out;
        private final InputStream in;
        private final String host;

        Connection(InetSocketAddress address) throws IOException {
            socket = new Socket();
            socket.setTcpNoDelay(true);
            socket.connect(address, 5000);
            socket.setSoTimeout(30_000);
            out = socket.getOutputStream();
            in = new BufferedInputStream(socket.getInputStream(), 16 * 1024);
            host = address.getHostString() + ":" + address.getPort();
        }

        int exchange(String path, Map<String, String> headers, byte[] body) throws IOException {
            StringBuilder head = new StringBuilder(256).append("POST ").append(path).append(" HTTP/1.1\r\nHost: ")
                    .append(host).append("\r\nContent-Length: ").append(body.length).append("\r\n");
            headers.forEach((name, value) -> head.append(name).append(": ").append(value).append("\r\n"));
            head.append("\r\n");
            out.write(head.toString().getBytes(StandardCharsets.US_ASCII));
            out.write(body);
            out.flush();
            String status = line();
            int code = Integer.parseInt(status.substring(9, 12));
            long length = 0;
            boolean chunked = false;
            for (String header = line(); !header.isEmpty(); header = line()) {
                int colon = header.indexOf(':');
                String name = header.substring(0, colon).strip();
                if (name.equalsIgnoreCase("Content-Length")) {
                    length = Long.parseLong(header.substring(colon + 1).strip());
                } else if (name.equalsIgnoreCase("Transfer-Encoding")) {
                    chunked = true;
                }
            }
            if (chunked) {
                throw new IOException("chunked responses are not expected from the gateway");
            }
            in.skipNBytes(length);
            return code;
        }

        private String line() throws IOException {
            StringBuilder line = new StringBuilder(64);
            for (int b = in.read(); b != '\n'; b = in.read()) {
                if (b < 0) {
                    throw new IOException("connection closed by the server");
                }
                if (b != '\r') {
                    line.append((char) b);
                }
            }
            return line.toString();
        }

        void close() {
            try {
                socket.close();
            } catch (IOException ignored) {
                // closing a broken connection
            }
        }
    }
}
