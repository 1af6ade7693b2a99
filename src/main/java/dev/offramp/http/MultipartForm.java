package dev.offramp.http;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** Writes a multipart/form-data body: text fields first, then files, one boundary. */
public final class MultipartForm {

    private final String boundary;
    private final List<String[]> fields = new ArrayList<>();
    private final List<Upload> files = new ArrayList<>();

    public MultipartForm() {
        this("offramp-" + UUID.randomUUID());
    }

    public MultipartForm(String boundary) {
        this.boundary = boundary;
    }

    public MultipartForm field(String name, String value) {
        fields.add(new String[] {name, value});
        return this;
    }

    public MultipartForm file(Upload upload) {
        files.add(upload);
        return this;
    }

    public String contentType() {
        return "multipart/form-data; boundary=" + boundary;
    }

    public byte[] toBytes() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (String[] f : fields) {
            write(out, "--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + quoted(f[0]) + "\"\r\n\r\n");
            write(out, f[1]);
            write(out, "\r\n");
        }
        for (Upload u : files) {
            write(out, "--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + quoted(u.field())
                    + "\"; filename=\"" + quoted(u.fileName()) + "\"\r\nContent-Type: "
                    + (u.contentType() == null ? "application/octet-stream" : u.contentType()) + "\r\n\r\n");
            out.writeBytes(u.content());
            write(out, "\r\n");
        }
        write(out, "--" + boundary + "--\r\n");
        return out.toByteArray();
    }

    private static String quoted(String value) {
        // a quote or line break in a name would break the part header: drop them
        return value == null ? "" : value.replaceAll("[\"\r\n]", "");
    }

    private static void write(ByteArrayOutputStream out, String text) {
        out.writeBytes(text.getBytes(StandardCharsets.UTF_8));
    }
}
