package io.newsflow.schemas.registry;

import java.util.List;

/**
 * The answer of {@code POST /compatibility/subjects/{subject}/versions[/{version}]?verbose=true}:
 * whether the schema may be registered, and the registry's reasons when it may not.
 */
public record CompatibilityResult(boolean compatible, List<String> messages) {
    public CompatibilityResult {
        messages = List.copyOf(messages);
    }
}
