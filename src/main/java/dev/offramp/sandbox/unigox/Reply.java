package dev.offramp.sandbox.unigox;

/** A successful answer: HTTP status and the {@code data} of the {@code {"success":true,"data":..}} envelope. */
record Reply(int status, Object data) {

    /** The data of an answer Unigox's OpenAPI documents without any body. */
    static final Object NO_BODY = new Object();

    /** 200 with no body at all (the order actions authorize-crypto-transfer, confirm-fiat-received, cancel). */
    static Reply okWithoutBody() {
        return new Reply(200, NO_BODY);
    }

    static Reply ok(Object data) {
        return new Reply(200, data);
    }

    static Reply created(Object data) {
        return new Reply(201, data);
    }
}
