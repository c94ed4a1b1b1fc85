package cn.cg.api;

import java.io.ByteArrayOutputStream;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;

/**
 * A multipart/form-data body with one file part named {@code file}, as {@code curl -F file=@x} sends it;
 * built from bytes so tests can upload any content, valid or not.
 */
public final class Multipart {

    public static final String BOUNDARY = "cg-boundary-7MA4YWxkTrZu0gW";

    private Multipart() {
    }

    public static String contentType() {
        return "multipart/form-data; boundary=" + BOUNDARY;
    }

    public static HttpRequest.BodyPublisher file(String fileName, byte[] content) {
        return HttpRequest.BodyPublishers.ofByteArray(body(fileName, content));
    }

    public static byte[] body(String fileName, byte[] content) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(content.length + 256);
        out.writeBytes(("--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName
                + "\"\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        out.writeBytes(content);
        out.writeBytes(("\r\n--" + BOUNDARY + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return out.toByteArray();
    }

    /** Ways to break the multipart envelope itself, whatever the file inside. */
    public enum Broken { TRUNCATED, NO_BOUNDARY, OTHER_BOUNDARY, NO_FILE_NAME, OTHER_PART_NAME, TEXT_PLAIN, EMPTY }

    /** The Content-Type header of an upload whose envelope is broken as said. */
    public static String brokenContentType(Broken how) {
        return switch (how) {
            case NO_BOUNDARY -> "multipart/form-data";
            case TEXT_PLAIN -> "text/plain";
            default -> contentType();
        };
    }

    public static byte[] brokenBody(Broken how, String fileName, byte[] content) {
        byte[] whole = body(fileName, content);
        String text = new String(whole, StandardCharsets.ISO_8859_1);
        return switch (how) {
            case TRUNCATED -> java.util.Arrays.copyOf(whole, Math.max(1, whole.length - 10 - content.length / 2));
            case OTHER_BOUNDARY -> text.replace(BOUNDARY, "other-boundary").getBytes(StandardCharsets.ISO_8859_1);
            case NO_FILE_NAME -> text.replace("; filename=\"" + fileName + "\"", "").getBytes(StandardCharsets.ISO_8859_1);
            case OTHER_PART_NAME -> text.replace("name=\"file\"", "name=\"upload\"").getBytes(StandardCharsets.ISO_8859_1);
            case EMPTY -> new byte[0];
            default -> whole;
        };
    }
}
