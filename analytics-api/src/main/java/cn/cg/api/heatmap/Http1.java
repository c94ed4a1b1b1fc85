package cn.cg.api.heatmap;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;

/**
 * A minimal HTTP/1.1 client on one keep-alive connection: GET, read the status and the body (by
 * Content-Length or chunked) to the end, reconnect when the server closed the connection (Tomcat closes
 * after {@code maxKeepAliveRequests}, saying {@code Connection: close}). Used by one thread at a time: the tile
 * benchmark's clients and the server's start-up warm-up ({@link TileWarmUp}), for whom the JDK's HttpClient
 * managed 650 requests a second against thousands here.
 */
final class Http1 implements Closeable {

    private final String host;
    private final int port;
    private final byte[] hostHeader;
    private Socket socket;
    private InputStream in;
    private OutputStream out;
    /** Whether the current exchange has read any of its answer: only an exchange that has not may be retried. */
    private boolean answered;

    /** @param token a bearer token, or null for none (the public) */
    Http1(URI url, String token) {
        this.host = url.getHost();
        this.port = url.getPort() < 0 ? 80 : url.getPort();
        this.hostHeader = ("\r\nHost: " + host + ":" + port + (token == null ? "" : "\r\nAuthorization: Bearer " + token)
                + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
    }

    /** The status of a GET of the path (with its query), the body read and dropped. */
    int get(String pathAndQuery) throws IOException {
        boolean reused = socket != null;
        answered = false;
        try {
            return exchange(pathAndQuery);
        } catch (IOException e) {
            close();
            if (!reused || answered) {
                throw e;
            }
            // The server may close an idle keep-alive connection before reading the request: one retry on a new one.
            return exchange(pathAndQuery);
        }
    }

    private int exchange(String pathAndQuery) throws IOException {
        if (socket == null) {
            socket = new Socket();
            socket.setTcpNoDelay(true);
            socket.connect(new InetSocketAddress(host, port), 5000);
            socket.setSoTimeout(60_000);
            in = new BufferedInputStream(socket.getInputStream(), 65536);
            out = socket.getOutputStream();
        }
        byte[] line = ("GET " + pathAndQuery + " HTTP/1.1").getBytes(StandardCharsets.US_ASCII);
        byte[] request = Arrays.copyOf(line, line.length + hostHeader.length);
        System.arraycopy(hostHeader, 0, request, line.length, hostHeader.length);
        out.write(request);
        out.flush();
        int first = in.read();
        if (first < 0) {
            throw new EOFException("the server closed the connection");
        }
        answered = true;
        String status = (char) first + line(in);
        if (!status.startsWith("HTTP/1.1 ") || status.length() < 12) {
            throw new IOException("not an HTTP/1.1 status line: " + status);
        }
        int code = Integer.parseInt(status.substring(9, 12));
        long length = -1;
        boolean chunked = false;
        boolean close = false;
        for (String h = line(in); !h.isEmpty(); h = line(in)) {
            int colon = h.indexOf(':');
            String name = colon < 0 ? h : h.substring(0, colon).trim();
            String value = colon < 0 ? "" : h.substring(colon + 1).trim();
            if (name.equalsIgnoreCase("Content-Length")) {
                length = Long.parseLong(value);
            } else if (name.equalsIgnoreCase("Transfer-Encoding")) {
                chunked = value.toLowerCase(Locale.ROOT).contains("chunked");
            } else if (name.equalsIgnoreCase("Connection")) {
                close = value.equalsIgnoreCase("close");
            }
        }
        if (code == 204 || code == 304) {
            length = 0;
        }
        if (chunked) {
            for (long n = Long.parseLong(line(in).split(";")[0].trim(), 16); n > 0; n = Long.parseLong(line(in).split(";")[0].trim(), 16)) {
                skip(in, n);
                line(in);
            }
            while (!line(in).isEmpty()) { // trailers
            }
        } else if (length >= 0) {
            skip(in, length);
        } else {
            in.transferTo(OutputStream.nullOutputStream()); // body until the server closes
            close = true;
        }
        if (close) {
            close();
        }
        return code;
    }

    private static String line(InputStream in) throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream(64);
        for (int c = in.read(); c != '\n'; c = in.read()) {
            if (c < 0) {
                throw new EOFException("the connection closed inside a response");
            }
            if (c != '\r') {
                b.write(c);
            }
        }
        return b.toString(StandardCharsets.ISO_8859_1);
    }

    private static void skip(InputStream in, long n) throws IOException {
        in.skipNBytes(n);
    }

    @Override
    public void close() {
        if (socket != null) {
            try {
                socket.close();
            } catch (IOException ignored) {
                // closing a connection we no longer use
            }
            socket = null;
        }
    }
}
