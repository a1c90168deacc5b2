package io.newsflow.stack.registry;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.apache.avro.Schema;
import org.apache.avro.SchemaCompatibility;
import org.apache.avro.SchemaCompatibility.SchemaCompatibilityType;
import org.apache.avro.SchemaCompatibility.SchemaIncompatibilityType;

/**
 * Confluent's compatibility levels, decided by Avro's own {@link SchemaCompatibility} so the
 * answer matches what Avro readers will actually do at run time.
 *
 * <ul>
 *   <li>BACKWARD: the new schema can read data written with the previous one (consumers upgrade
 *       first);</li>
 *   <li>FORWARD: the previous schema can read data written with the new one (producers upgrade
 *       first);</li>
 *   <li>FULL: both;</li>
 *   <li>the {@code _TRANSITIVE} forms check against every registered version, the plain forms
 *       against the latest only;</li>
 *   <li>NONE: no check.</li>
 * </ul>
 */
enum CompatibilityLevel {
    NONE(false, false, false),
    BACKWARD(true, false, false),
    BACKWARD_TRANSITIVE(true, false, true),
    FORWARD(false, true, false),
    FORWARD_TRANSITIVE(false, true, true),
    FULL(true, true, false),
    FULL_TRANSITIVE(true, true, true);

    private final boolean backward;
    private final boolean forward;
    private final boolean transitive;

    CompatibilityLevel(boolean backward, boolean forward, boolean transitive) {
        this.backward = backward;
        this.forward = forward;
        this.transitive = transitive;
    }

    boolean transitive() {
        return transitive;
    }

    /** Parses a level name case-insensitively; unknown names are a 42203 error. */
    static CompatibilityLevel parse(String name) {
        if (name == null) {
            throw RegistryException.invalidCompatibilityLevel(null);
        }
        try {
            return valueOf(name.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw RegistryException.invalidCompatibilityLevel(name);
        }
    }

    /**
     * Checks a candidate against existing schemas (oldest first). Callers pass every version for a
     * transitive level and only the latest otherwise (or the one version a client asked about).
     *
     * @return human-readable reasons; empty when compatible
     */
    List<String> check(Schema candidate, List<Schema> existing) {
        List<String> problems = new ArrayList<>();
        for (Schema previous : existing) {
            if (backward) {
                describe(SchemaCompatibility.checkReaderWriterCompatibility(candidate, previous), "BACKWARD", problems);
            }
            if (forward) {
                describe(SchemaCompatibility.checkReaderWriterCompatibility(previous, candidate), "FORWARD", problems);
            }
        }
        return problems;
    }

    private static void describe(SchemaCompatibility.SchemaPairCompatibility result, String direction,
                                 List<String> problems) {
        if (result.getType() == SchemaCompatibilityType.COMPATIBLE) {
            return;
        }
        var incompatibilities = result.getResult().getIncompatibilities();
        if (incompatibilities.isEmpty()) {
            problems.add("{compatibility: '" + direction + "', description: '" + result.getDescription() + "'}");
            return;
        }
        for (SchemaCompatibility.Incompatibility i : incompatibilities) {
            SchemaIncompatibilityType type = i.getType();
            problems.add("{errorType:'" + type + "', description:'" + i.getMessage()
                    + "', additionalInfo:'" + i.getLocation() + "', compatibility: '" + direction + "'}");
        }
    }
}
