package io.newsflow.schemas.evolution;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.apache.avro.Schema;
import org.apache.avro.SchemaCompatibility;
import org.apache.avro.AvroRuntimeException;

/**
 * The evolution gate: every current schema must be able to read data written with every released
 * version of the same named type (BACKWARD, transitively), as decided by Avro's own
 * {@link SchemaCompatibility} — the check Confluent's registry makes on registration.
 *
 * <p>Released versions live in {@code src/main/avro-released/v<N>/} as copies of
 * {@code src/main/avro/} at release time.
 */
final class SchemaEvolution {

    /** One reason a current schema cannot read data of a released one. */
    record Problem(String type, String releasedVersion, String field, String kind, String detail) {
        @Override
        public String toString() {
            return type + (field == null ? "" : "." + field) + " is not BACKWARD compatible with released " + releasedVersion
                    + ": " + kind + " (" + detail + ")";
        }
    }

    /** Every named type (record, enum, fixed) defined by the .avsc files under {@code dir}, by full name. */
    static Map<String, Schema> parseDirectory(Path dir) {
        List<Path> pending;
        try (Stream<Path> files = Files.walk(dir)) {
            pending = new ArrayList<>(files.filter(p -> p.toString().endsWith(".avsc")).sorted().toList());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list schemas in " + dir, e);
        }
        if (pending.isEmpty()) {
            throw new IllegalStateException("no .avsc files in " + dir);
        }
        Map<String, Schema> known = new LinkedHashMap<>();
        // files refer to each other by name; parse in rounds until every reference is defined
        while (!pending.isEmpty()) {
            List<Path> failed = new ArrayList<>();
            Map<Path, String> errors = new LinkedHashMap<>();
            for (Path file : pending) {
                Schema.Parser parser = new Schema.Parser();
                parser.addTypes(known.values());
                try {
                    parser.parse(file.toFile());
                    known.putAll(parser.getTypes());
                } catch (AvroRuntimeException e) { // SchemaParseException or "Undefined schema" (AvroTypeException)
                    failed.add(file);
                    errors.put(file, e.getMessage());
                } catch (IOException e) {
                    throw new UncheckedIOException("cannot read " + file, e);
                }
            }
            if (failed.size() == pending.size()) {
                throw new IllegalStateException("cannot parse schemas in " + dir + ": " + errors);
            }
            pending = failed;
        }
        return known;
    }

    /** Released versions under {@code releasedRoot}: {@code v1 → types, v2 → types, ...}, oldest first. */
    static Map<String, Map<String, Schema>> releasedVersions(Path releasedRoot) {
        Map<String, Map<String, Schema>> versions = new TreeMap<>(Comparator.comparingInt(v -> Integer.parseInt(v.substring(1))));
        try (Stream<Path> dirs = Files.list(releasedRoot)) {
            dirs.filter(Files::isDirectory)
                    .filter(d -> d.getFileName().toString().matches("v\\d+"))
                    .forEach(d -> versions.put(d.getFileName().toString(), parseDirectory(d)));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list released schema versions in " + releasedRoot, e);
        }
        return versions;
    }

    /** Why the current types cannot read data of the released ones; empty when the change is safe. */
    static List<Problem> check(Map<String, Map<String, Schema>> released, Map<String, Schema> current) {
        List<Problem> problems = new ArrayList<>();
        released.forEach((version, types) -> types.forEach((name, old) -> {
            Schema now = current.get(name);
            if (now == null) {
                problems.add(new Problem(name, version, null, "REMOVED",
                        "released type has no current schema; keep it (records written with it are still on the topics)"));
                return;
            }
            SchemaCompatibility.SchemaPairCompatibility result = SchemaCompatibility.checkReaderWriterCompatibility(now, old);
            if (result.getType() == SchemaCompatibility.SchemaCompatibilityType.COMPATIBLE) {
                return;
            }
            for (SchemaCompatibility.Incompatibility i : result.getResult().getIncompatibilities()) {
                problems.add(new Problem(name, version, fieldPath(now, i.getLocation()), i.getType().name(),
                        i.getMessage() + " at " + i.getLocation()));
            }
        }));
        return problems;
    }

    /**
     * Field names along a JSON-pointer location in the reader schema ({@code /fields/1/type/fields/0}
     * → {@code article.title}), or null when the location is the type itself.
     */
    static String fieldPath(Schema reader, String location) {
        List<String> names = new ArrayList<>();
        Schema schema = reader;
        String[] parts = location == null ? new String[0] : location.split("/");
        for (int i = 0; i < parts.length && schema != null; i++) {
            String part = parts[i];
            if (part.isEmpty()) {
                continue;
            }
            switch (part) {
                case "fields" -> {
                    if (i + 1 < parts.length && schema.getType() == Schema.Type.RECORD) {
                        Schema.Field field = schema.getFields().get(Integer.parseInt(parts[++i]));
                        names.add(field.name());
                        schema = field.schema();
                    }
                }
                case "type" -> { }
                case "items" -> schema = schema.getType() == Schema.Type.ARRAY ? schema.getElementType() : schema;
                case "values" -> schema = schema.getType() == Schema.Type.MAP ? schema.getValueType() : schema;
                default -> {
                    if (schema.getType() == Schema.Type.UNION && part.matches("\\d+")) {
                        schema = schema.getTypes().get(Integer.parseInt(part));
                    } else {
                        schema = null; // symbols, size, name: not a field
                    }
                }
            }
        }
        return names.isEmpty() ? null : String.join(".", names);
    }

    private SchemaEvolution() {
    }
}
