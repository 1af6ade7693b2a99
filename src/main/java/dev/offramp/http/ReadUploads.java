package dev.offramp.http;

import org.apache.camel.Exchange;
import org.apache.camel.Processor;

/** Route step: puts the files of a multipart request into variable {@code uploads} (a List of Upload). */
public final class ReadUploads implements Processor {

    @Override
    public void process(Exchange exchange) {
        exchange.setVariable("uploads", MultipartUploads.read(exchange));
    }
}
