package org.caseclock.query.config;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The configured meeting packs, checked against the catalogue. */
public record Packs(Map<String, List<String>> codesByName) {

    public Packs {
        codesByName = Map.copyOf(codesByName);
    }

    public Optional<List<String>> codes(String name) {
        return Optional.ofNullable(codesByName.get(name));
    }
}
