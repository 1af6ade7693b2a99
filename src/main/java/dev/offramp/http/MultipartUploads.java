package dev.offramp.http;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import jakarta.activation.DataHandler;
import org.apache.camel.Exchange;
import org.apache.camel.attachment.AttachmentMessage;

/**
 * Glue for platform-http: Vert.x has already parsed a multipart/form-data request into attachments
 * (files) and headers (text fields). This reads the files back as {@link Upload}s, in the order the
 * client sent them.
 */
public final class MultipartUploads {

    private MultipartUploads() {
    }

    public static boolean isMultipart(String contentType) {
        return contentType != null && contentType.toLowerCase(java.util.Locale.ROOT).startsWith("multipart/form-data");
    }

    public static List<Upload> read(Exchange exchange) {
        List<Upload> uploads = new ArrayList<>();
        AttachmentMessage message = exchange.getMessage(AttachmentMessage.class);
        if (message == null || !message.hasAttachments()) {
            return uploads;
        }
        for (Map.Entry<String, DataHandler> e : message.getAttachments().entrySet()) {
            DataHandler handler = e.getValue();
            try (InputStream in = handler.getInputStream()) {
                uploads.add(new Upload(e.getKey(), handler.getName(), handler.getContentType(), in.readAllBytes()));
            } catch (IOException failure) {
                throw new IllegalStateException("cannot read uploaded file '" + e.getKey() + "'", failure);
            }
        }
        return uploads;
    }
}
