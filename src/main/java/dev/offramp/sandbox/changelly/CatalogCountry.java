package dev.offramp.sandbox.changelly;

import java.util.List;
import java.util.Optional;

/** A country the sandbox knows; {@code states} only for the US, whose offers need a state. */
record CatalogCountry(String code, String name, List<State> states) {

    /** @param code ISO 3166-2, e.g. "US-CA" */
    record State(String code, String name) {
    }

    /** Finds a state by its ISO 3166-2 code ("US-CA") or its bare subdivision part ("CA"). */
    Optional<State> state(String code) {
        return states.stream()
                .filter(s -> s.code().equals(code) || s.code().equals(this.code + "-" + code))
                .findFirst();
    }
}
