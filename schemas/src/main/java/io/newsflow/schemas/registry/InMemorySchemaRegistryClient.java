package io.newsflow.schemas.registry;

import io.newsflow.schemas.PublishedSchemas;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.apache.avro.Schema;
import org.apache.avro.SchemaCompatibility;

/**
 * A registry client that keeps schemas in memory, for tests that run a topology without a
 * registry (TopologyTestDriver) — like Confluent's MockSchemaRegistryClient. It behaves as the
 * real registry does: one id per distinct schema, shared across subjects; versions per subject;
 * schemas kept as published (without Java-only properties, as the REST client sends them);
 * look-ups that fail with 40401/40403; compatibility levels (BACKWARD by default, checked with
 * Avro's {@link SchemaCompatibility}) enforced on registration, 409 otherwise.
 */
public class InMemorySchemaRegistryClient extends SchemaRegistryClient {
    private final Map<Schema, Integer> ids = new HashMap<>();
    private final Map<Integer, Schema> schemas = new HashMap<>();
    private final Map<String, TreeMap<Integer, Integer>> versions = new TreeMap<>();
    private final Map<String, String> subjectLevels = new HashMap<>();
    private String globalLevel = "BACKWARD";
    private int nextId = 1;

    public InMemorySchemaRegistryClient() {
        super("mock://in-memory");
    }

    @Override
    public synchronized int register(String subject, Schema given) {
        Schema schema = PublishedSchemas.withoutJavaProperties(given);
        TreeMap<Integer, Integer> subjectVersions = versions.computeIfAbsent(subject, s -> new TreeMap<>());
        for (int id : subjectVersions.values()) {
            if (schemas.get(id).equals(schema)) {
                return id;
            }
        }
        List<String> problems = check(subject, schema, null);
        if (!problems.isEmpty()) {
            throw new SchemaRegistryException("cannot register schema " + schema.getFullName() + " under subject '" + subject
                    + "': schema is incompatible with an earlier version (error 409): " + problems,
                    SchemaRegistryException.INCOMPATIBLE_SCHEMA, 409, null);
        }
        int id = ids.computeIfAbsent(schema, s -> {
            int next = nextId++;
            schemas.put(next, s);
            return next;
        });
        subjectVersions.put(subjectVersions.isEmpty() ? 1 : subjectVersions.lastKey() + 1, id);
        return id;
    }

    @Override
    public synchronized Schema getById(int id) {
        Schema schema = schemas.get(id);
        if (schema == null) {
            throw new SchemaRegistryException("cannot fetch schema id " + id + ": schema not found (error 40403): Schema "
                    + id + " not found", SchemaRegistryException.SCHEMA_NOT_FOUND, 404, null);
        }
        return schema;
    }

    @Override
    public synchronized SchemaMetadata lookup(String subject, Schema given) {
        Schema schema = PublishedSchemas.withoutJavaProperties(given);
        TreeMap<Integer, Integer> subjectVersions = requireSubject(subject, "look up schema " + schema.getFullName());
        for (Map.Entry<Integer, Integer> e : subjectVersions.entrySet()) {
            if (schemas.get(e.getValue()).equals(schema)) {
                return new SchemaMetadata(subject, e.getKey(), e.getValue(), schema);
            }
        }
        throw new SchemaRegistryException("cannot look up schema " + schema.getFullName() + " under subject '" + subject
                + "': schema not found (error 40403): Schema not found", SchemaRegistryException.SCHEMA_NOT_FOUND, 404, null);
    }

    @Override
    public int getId(String subject, Schema schema) {
        return lookup(subject, schema).id();
    }

    @Override
    public synchronized SchemaMetadata getLatestVersion(String subject) {
        TreeMap<Integer, Integer> subjectVersions = requireSubject(subject, "fetch the latest version");
        Map.Entry<Integer, Integer> last = subjectVersions.lastEntry();
        return new SchemaMetadata(subject, last.getKey(), last.getValue(), schemas.get(last.getValue()));
    }

    @Override
    public synchronized SchemaMetadata getVersion(String subject, int version) {
        TreeMap<Integer, Integer> subjectVersions = requireSubject(subject, "fetch version " + version);
        Integer id = subjectVersions.get(version);
        if (id == null) {
            throw new SchemaRegistryException("cannot fetch version " + version + " of subject '" + subject
                    + "': version not found (error 40402): Version " + version + " not found.",
                    SchemaRegistryException.VERSION_NOT_FOUND, 404, null);
        }
        return new SchemaMetadata(subject, version, id, schemas.get(id));
    }

    @Override
    public synchronized List<Integer> getAllVersions(String subject) {
        return new ArrayList<>(requireSubject(subject, "list versions").keySet());
    }

    @Override
    public synchronized List<String> getAllSubjects() {
        List<String> names = new ArrayList<>();
        versions.forEach((subject, v) -> {
            if (!v.isEmpty()) {
                names.add(subject);
            }
        });
        return names;
    }

    @Override
    public synchronized CompatibilityResult testCompatibility(String subject, Schema schema) {
        List<String> problems = check(subject, PublishedSchemas.withoutJavaProperties(schema), null);
        return new CompatibilityResult(problems.isEmpty(), problems);
    }

    @Override
    public synchronized CompatibilityResult testCompatibility(String subject, Schema schema, String version) {
        TreeMap<Integer, Integer> subjectVersions = requireSubject(subject, "test compatibility");
        int v = "latest".equalsIgnoreCase(version) ? subjectVersions.lastKey() : Integer.parseInt(version);
        if (!subjectVersions.containsKey(v)) {
            throw new SchemaRegistryException("cannot test compatibility with version " + version + " of subject '" + subject
                    + "': version not found (error 40402)", SchemaRegistryException.VERSION_NOT_FOUND, 404, null);
        }
        List<String> problems = check(PublishedSchemas.withoutJavaProperties(schema),
                List.of(schemas.get(subjectVersions.get(v))), getCompatibility(subject));
        return new CompatibilityResult(problems.isEmpty(), problems);
    }

    @Override
    public synchronized String getCompatibility() {
        return globalLevel;
    }

    @Override
    public synchronized String getCompatibility(String subject) {
        return subjectLevels.getOrDefault(subject, globalLevel);
    }

    @Override
    public synchronized String updateCompatibility(String level) {
        globalLevel = validLevel(level);
        return globalLevel;
    }

    @Override
    public synchronized String updateCompatibility(String subject, String level) {
        String valid = validLevel(level);
        subjectLevels.put(subject, valid);
        return valid;
    }

    private TreeMap<Integer, Integer> requireSubject(String subject, String what) {
        TreeMap<Integer, Integer> subjectVersions = versions.get(subject);
        if (subjectVersions == null || subjectVersions.isEmpty()) {
            throw new SchemaRegistryException("cannot " + what + " under subject '" + subject
                    + "': subject not found (error 40401): Subject '" + subject + "' not found.",
                    SchemaRegistryException.SUBJECT_NOT_FOUND, 404, null);
        }
        return subjectVersions;
    }

    /** Problems registering {@code schema} under the subject's level; against the latest or, if transitive, all. */
    private List<String> check(String subject, Schema schema, String ignored) {
        TreeMap<Integer, Integer> subjectVersions = versions.get(subject);
        if (subjectVersions == null || subjectVersions.isEmpty()) {
            return List.of();
        }
        String level = getCompatibility(subject);
        List<Schema> against = new ArrayList<>();
        if (level.endsWith("_TRANSITIVE")) {
            subjectVersions.values().forEach(id -> against.add(schemas.get(id)));
        } else {
            against.add(schemas.get(subjectVersions.lastEntry().getValue()));
        }
        return check(schema, against, level);
    }

    private static List<String> check(Schema candidate, List<Schema> existing, String level) {
        boolean backward = level.startsWith("BACKWARD") || level.startsWith("FULL");
        boolean forward = level.startsWith("FORWARD") || level.startsWith("FULL");
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

    private static void describe(SchemaCompatibility.SchemaPairCompatibility result, String direction, List<String> problems) {
        if (result.getType() == SchemaCompatibility.SchemaCompatibilityType.COMPATIBLE) {
            return;
        }
        for (SchemaCompatibility.Incompatibility i : result.getResult().getIncompatibilities()) {
            problems.add(direction + ": " + i.getType() + " at " + i.getLocation() + ": " + i.getMessage());
        }
    }

    private static String validLevel(String level) {
        String upper = level == null ? "" : level.trim().toUpperCase(Locale.ROOT);
        if (!List.of("NONE", "BACKWARD", "BACKWARD_TRANSITIVE", "FORWARD", "FORWARD_TRANSITIVE", "FULL", "FULL_TRANSITIVE")
                .contains(upper)) {
            throw new SchemaRegistryException("invalid compatibility level '" + level + "' (error 42203)",
                    SchemaRegistryException.INVALID_COMPATIBILITY_LEVEL, 422, null);
        }
        return upper;
    }
}
