package cn.cg.api.system;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Enumeration;
import java.util.Map;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses a request whose URL, headers or (non-upload) body is larger than {@link CgProperties.Requests}
 * allows, before authentication or any other work, with a problem naming the setting: 414, 431, 413.
 * A body without Content-Length (chunked) is read up to the limit and refused as soon as it passes it.
 */
final class RequestLimits extends OncePerRequestFilter {

    private final CgProperties.Requests limits;

    RequestLimits(CgProperties.Requests limits) {
        this.limits = limits;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String query = request.getQueryString();
        int url = request.getRequestURI().length() + (query == null ? 0 : query.length() + 1);
        if (url > limits.maxUrlLength()) {
            refuse(request, response, 414, "uri-too-long", "The URL is too long",
                    "The path and query string have " + url + " characters; at most " + limits.maxUrlLength()
                            + " are accepted. Send fewer or shorter parameters.",
                    "cg.requests.max-url-length", limits.maxUrlLength());
            return;
        }
        long headers = headerBytes(request);
        if (headers > limits.maxHeaderSize().toBytes()) {
            refuse(request, response, 431, "headers-too-large", "The request headers are too large",
                    "The headers have " + headers + " bytes together; at most " + limits.maxHeaderSize().toBytes() + " are accepted.",
                    "cg.requests.max-header-size", limits.maxHeaderSize().toBytes());
            return;
        }
        if (isUpload(request)) {
            chain.doFilter(request, response); // bounded by cg.imports.max-upload (the multipart configuration)
            return;
        }
        long max = limits.maxBody().toBytes();
        long length = request.getContentLengthLong();
        if (length > max) {
            tooLarge(request, response, "The body has " + length + " bytes");
            return;
        }
        if (length < 0 && request.getHeader("Transfer-Encoding") != null) {
            byte[] body = request.getInputStream().readNBytes((int) Math.min(Integer.MAX_VALUE - 8, max + 1));
            if (body.length > max) {
                tooLarge(request, response, "The body has more than " + max + " bytes");
                return;
            }
            chain.doFilter(new ReadBody(request, body), response);
            return;
        }
        chain.doFilter(request, response);
    }

    private void tooLarge(HttpServletRequest request, HttpServletResponse response, String what) throws IOException {
        long max = limits.maxBody().toBytes();
        refuse(request, response, 413, "body-too-large", "The request body is too large",
                what + "; at most " + max + " are accepted. Large inputs go through the file import (POST /api/v1/imports).",
                "cg.requests.max-body", max);
    }

    private static void refuse(HttpServletRequest request, HttpServletResponse response, int status, String type, String title,
                               String detail, String setting, long limit) throws IOException {
        Map<String, Object> p = ProblemBodies.problem(type, title, status, detail, request.getRequestURI());
        p.put("limit", limit);
        p.put("setting", setting);
        // The rest of the request is not read: close the connection rather than drain it.
        response.setHeader("Connection", "close");
        ProblemBodies.write(response, status, p);
    }

    /** Names, values and the ": " and CRLF around them, as on the wire (ASCII). */
    private static long headerBytes(HttpServletRequest request) {
        long n = 0;
        for (Enumeration<String> names = request.getHeaderNames(); names.hasMoreElements(); ) {
            String name = names.nextElement();
            for (Enumeration<String> values = request.getHeaders(name); values.hasMoreElements(); ) {
                n += name.length() + 4 + values.nextElement().length();
            }
        }
        return n;
    }

    private static boolean isUpload(HttpServletRequest request) {
        String type = request.getContentType();
        return type != null && type.toLowerCase().startsWith(MediaType.MULTIPART_FORM_DATA_VALUE);
    }

    /** The request with its body already read (it was within the limit). */
    private static final class ReadBody extends HttpServletRequestWrapper {
        private final byte[] body;

        ReadBody(HttpServletRequest request, byte[] body) {
            super(request);
            this.body = body;
        }

        @Override
        public ServletInputStream getInputStream() {
            ByteArrayInputStream in = new ByteArrayInputStream(body);
            return new ServletInputStream() {
                @Override
                public int read() throws IOException {
                    return in.read();
                }

                @Override
                public int read(byte[] b, int off, int len) throws IOException {
                    return in.read(b, off, len);
                }

                @Override
                public boolean isFinished() {
                    return in.available() == 0;
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setReadListener(ReadListener listener) {
                    throw new UnsupportedOperationException("the body was read already");
                }
            };
        }

        @Override
        public BufferedReader getReader() {
            String enc = getCharacterEncoding();
            Charset cs = enc == null ? StandardCharsets.UTF_8 : Charset.forName(enc);
            return new BufferedReader(new InputStreamReader(new ByteArrayInputStream(body), cs));
        }

        @Override
        public long getContentLengthLong() {
            return body.length;
        }

        @Override
        public int getContentLength() {
            return body.length;
        }
    }
}
