package dev.offramp.sandbox.unigox;

/** A successful answer: HTTP status and the {@code data} of the {@code {"success":true,"data":..}} envelope. */
record Reply(int status, Object data) {

    static Reply ok(Object data) {
        return new Reply(200, data);
    }

    static Reply created(Object data) {
        return new Reply(201, data);
    }
}
