package dev.offramp.sandbox.unigox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The multipart parser keeps binary content exactly and refuses what it cannot read. */
class MultipartFormTest {

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.ISO_8859_1);
    }

    @Test
    void readsFieldsAndFilesByteForByte() {
        byte[] file = {0, (byte) 0xFF, '\r', '\n', '-', '-', 'x', '\r', '\n', (byte) 0x80};
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes(bytes("preamble\r\n--XyZ\r\nContent-Disposition: form-data; name=\"document_type\"\r\n\r\nselfie\r\n"
                + "--XyZ\r\nContent-Disposition: form-data; name=\"document\"; filename=\"a \\\"b\\\".png\"\r\n"
                + "Content-Type: image/png\r\n\r\n"));
        body.writeBytes(file);
        body.writeBytes(bytes("\r\n--XyZ--\r\nepilogue"));

        MultipartForm form = MultipartForm.parse(body.toByteArray(), "multipart/form-data; charset=utf-8; boundary=\"XyZ\"");

        assertThat(form.parts()).hasSize(2);
        assertThat(form.part("document_type").orElseThrow().text()).isEqualTo("selfie");
        MultipartForm.Part document = form.part("document").orElseThrow();
        assertThat(document.fileName()).isEqualTo("a \"b\".png");
        assertThat(document.contentType()).isEqualTo("image/png");
        assertThat(document.content()).isEqualTo(file);
        assertThat(form.part("missing")).isEmpty();
    }

    @Test
    void anEmptyFormIsFine() {
        assertThat(MultipartForm.parse(bytes("--b--\r\n"), "multipart/form-data; boundary=b").parts()).isEmpty();
    }

    @Test
    void refusesWhatItCannotRead() {
        assertThatThrownBy(() -> MultipartForm.parse(bytes("--b--"), "multipart/form-data"))
                .hasMessageContaining("boundary");
        assertThatThrownBy(() -> MultipartForm.parse(bytes("nothing"), "multipart/form-data; boundary=b"))
                .hasMessageContaining("boundary not found");
        assertThatThrownBy(() -> MultipartForm.parse(bytes("--b\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\nvalue"),
                "multipart/form-data; boundary=b")).hasMessageContaining("closing boundary");
        assertThatThrownBy(() -> MultipartForm.parse(bytes("--b\r\nContent-Type: text/plain\r\n\r\nv\r\n--b--"),
                "multipart/form-data; boundary=b")).hasMessageContaining("Content-Disposition");
        assertThat(MultipartForm.isMultipart("Multipart/Form-Data; boundary=x")).isTrue();
        assertThat(MultipartForm.isMultipart("application/json")).isFalse();
        assertThat(MultipartForm.isMultipart(null)).isFalse();
    }
}
