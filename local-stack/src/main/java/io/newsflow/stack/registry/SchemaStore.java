package io.newsflow.stack.registry;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.apache.avro.Schema;
import org.apache.avro.SchemaParseException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * The registry's state — schemas by id, versions by subject, compatibility settings — kept in memory
 * and made durable in the compacted Kafka topic {@value #TOPIC}, the way Confluent Schema Registry
 * does it, so ids survive a restart and the broker's data directory is the only state to keep.
 *
 * <p>Topic records (JSON strings; partition 0 of a one-partition compacted topic):
 * <ul>
 *   <li>schema version: key {@code {"keytype":"SCHEMA","subject":s,"version":v}}, value
 *       {@code {"subject":s,"version":v,"id":n,"schema":"...","deleted":false}} — a soft delete
 *       rewrites the value with {@code "deleted":true};</li>
 *   <li>compatibility: key {@code {"keytype":"CONFIG","subject":s|null}}, value
 *       {@code {"compatibilityLevel":"FULL"}}; a tombstone removes a subject-level setting.</li>
 * </ul>
 *
 * <p>Every write is acknowledged by the broker ({@code acks=all}, idempotent producer) before the
 * in-memory state changes and before the caller answers, so an id handed out is never lost. All
 * operations are {@code synchronized}: registrations are serialized, hence concurrent clients
 * registering the same schema get the same id. On start the topic is read from the beginning to its
 * end offset and replayed. One registry instance per topic is assumed (no leader election, no
 * tailing of writes by others).
 */
final class SchemaStore implements AutoCloseable {

    static final String TOPIC = "_schemas";

    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static final String LATEST = "latest";

    private final ObjectMapper json = new ObjectMapper();
    private final Producer<String, String> producer;

    private final Map<Integer, String> schemaById = new HashMap<>();
    private final Map<Integer, Schema> parsedById = new HashMap<>();
    private final Map<String, Integer> idBySchema = new HashMap<>();
    private final Map<String, TreeMap<Integer, Entry>> subjects = new TreeMap<>();
    private final Map<String, CompatibilityLevel> subjectLevels = new HashMap<>();
    private CompatibilityLevel globalLevel = CompatibilityLevel.BACKWARD;
    private int maxId;

    /** One version of a subject: the schema id it points at and whether it was soft-deleted. */
    private record Entry(int id, boolean deleted) {
    }

    /** A subject's version as the REST API reports it. */
    record SchemaVersion(String subject, int version, int id, String schema) {
    }

    SchemaStore(String bootstrapServers) {
        ensureTopic(bootstrapServers);
        replay(bootstrapServers);
        Map<String, Object> config = new HashMap<>();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        config.put(ProducerConfig.LINGER_MS_CONFIG, 0);
        config.put(ProducerConfig.CLIENT_ID_CONFIG, "newsflow-schema-registry");
        config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, (int) TIMEOUT.toMillis());
        this.producer = new KafkaProducer<>(config, new StringSerializer(), new StringSerializer());
    }

    // ---- schemas -------------------------------------------------------------------------------

    /**
     * Registers a schema under a subject and returns its id: the existing version's id if the subject
     * already has this schema, else the schema's global id (the same schema text under any subject
     * shares one id), else a new id. A new version must pass the subject's compatibility level.
     */
    synchronized int register(String subject, String schemaText) {
        Schema schema = parse(schemaText);
        String canonical = schema.toString();
        Optional<SchemaVersion> existing = findLive(subject, canonical);
        if (existing.isPresent()) {
            return existing.get().id();
        }
        CompatibilityLevel level = level(subject);
        List<Schema> live = liveSchemas(subject);
        if (level != CompatibilityLevel.NONE && !live.isEmpty()) {
            List<Schema> against = level.transitive() ? live : List.of(live.get(live.size() - 1));
            List<String> problems = level.check(schema, against);
            if (!problems.isEmpty()) {
                throw RegistryException.incompatible(subject, problems.toString());
            }
        }
        int id = idBySchema.getOrDefault(canonical, maxId + 1);
        TreeMap<Integer, Entry> versions = subjects.get(subject);
        int version = versions == null || versions.isEmpty() ? 1 : versions.lastKey() + 1;
        writeSchema(subject, version, id, canonical, false);
        return id;
    }

    /** The live version of a subject holding exactly this schema (40401 / 40403 otherwise). */
    synchronized SchemaVersion lookup(String subject, String schemaText) {
        Schema schema = parse(schemaText);
        requireSubject(subject);
        return findLive(subject, schema.toString())
                .orElseThrow(() -> RegistryException.schemaNotFound("Schema not found"));
    }

    synchronized String schemaById(int id) {
        String schema = schemaById.get(id);
        if (schema == null) {
            throw RegistryException.schemaNotFound("Schema " + id + " not found");
        }
        return schema;
    }

    /** Subjects with at least one live version, sorted. */
    synchronized List<String> subjects() {
        List<String> names = new ArrayList<>();
        subjects.forEach((name, versions) -> {
            if (versions.values().stream().anyMatch(e -> !e.deleted())) {
                names.add(name);
            }
        });
        return names;
    }

    synchronized List<Integer> versions(String subject) {
        List<Integer> live = new ArrayList<>();
        requireSubject(subject).forEach((version, entry) -> {
            if (!entry.deleted()) {
                live.add(version);
            }
        });
        return live;
    }

    /** A version of a subject; {@code versionSpec} is a positive number, "latest" or -1. */
    synchronized SchemaVersion version(String subject, String versionSpec) {
        NavigableMap<Integer, Entry> versions = requireSubject(subject);
        int version = resolveVersion(versions, versionSpec);
        Entry entry = versions.get(version);
        return new SchemaVersion(subject, version, entry.id(), schemaById.get(entry.id()));
    }

    /**
     * Soft-deletes every live version of a subject and returns their numbers. Schema ids stay
     * resolvable, as in Confluent (old records still carry them).
     */
    synchronized List<Integer> deleteSubject(String subject) {
        List<Integer> deleted = versions(subject);
        for (int version : deleted) {
            int id = subjects.get(subject).get(version).id();
            writeSchema(subject, version, id, schemaById.get(id), true);
        }
        return deleted;
    }

    // ---- compatibility -------------------------------------------------------------------------

    /**
     * Reasons why the schema would be rejected under the subject's level; empty if it is compatible.
     * With a version, it is checked against that one version; without ({@code null}) against the
     * latest, or all versions for a transitive level. An unknown subject is compatible when no
     * version was named (nothing to break) and a 40401 otherwise.
     */
    synchronized List<String> checkCompatibility(String subject, String versionSpec, String schemaText) {
        Schema schema = parse(schemaText);
        CompatibilityLevel level = level(subject);
        List<Schema> against;
        if (versionSpec != null) {
            NavigableMap<Integer, Entry> versions = requireSubject(subject);
            against = List.of(parsed(versions.get(resolveVersion(versions, versionSpec)).id()));
        } else {
            List<Schema> live = liveSchemas(subject);
            if (live.isEmpty()) {
                return List.of();
            }
            against = level.transitive() ? live : List.of(live.get(live.size() - 1));
        }
        return level.check(schema, against);
    }

    synchronized CompatibilityLevel globalLevel() {
        return globalLevel;
    }

    /** The subject's own level, or the global one when it has none. */
    synchronized CompatibilityLevel level(String subject) {
        return subjectLevels.getOrDefault(subject, globalLevel);
    }

    synchronized void setGlobalLevel(CompatibilityLevel level) {
        writeConfig(null, level);
    }

    synchronized void setSubjectLevel(String subject, CompatibilityLevel level) {
        writeConfig(subject, level);
    }

    /** Removes a subject-level setting and returns the level it had (40401 if it had none). */
    synchronized CompatibilityLevel deleteSubjectLevel(String subject) {
        CompatibilityLevel previous = subjectLevels.get(subject);
        if (previous == null) {
            throw RegistryException.subjectNotFound(subject);
        }
        writeConfig(subject, null);
        return previous;
    }

    // ---- state changes (shared by live writes and replay) --------------------------------------

    private void applySchema(String subject, int version, int id, String schema, boolean deleted) {
        schemaById.putIfAbsent(id, schema);
        idBySchema.putIfAbsent(schema, id);
        maxId = Math.max(maxId, id);
        subjects.computeIfAbsent(subject, s -> new TreeMap<>()).put(version, new Entry(id, deleted));
    }

    private void applyConfig(String subject, CompatibilityLevel level) {
        if (subject == null) {
            globalLevel = level == null ? CompatibilityLevel.BACKWARD : level;
        } else if (level == null) {
            subjectLevels.remove(subject);
        } else {
            subjectLevels.put(subject, level);
        }
    }

    private void writeSchema(String subject, int version, int id, String schema, boolean deleted) {
        ObjectNode key = json.createObjectNode();
        key.put("keytype", "SCHEMA");
        key.put("subject", subject);
        key.put("version", version);
        ObjectNode value = json.createObjectNode();
        value.put("subject", subject);
        value.put("version", version);
        value.put("id", id);
        value.put("schema", schema);
        value.put("deleted", deleted);
        send(key, value);
        applySchema(subject, version, id, schema, deleted);
    }

    private void writeConfig(String subject, CompatibilityLevel level) {
        ObjectNode key = json.createObjectNode();
        key.put("keytype", "CONFIG");
        key.put("subject", subject);
        ObjectNode value = null;
        if (level != null) {
            value = json.createObjectNode();
            value.put("compatibilityLevel", level.name());
        }
        send(key, value);
        applyConfig(subject, level);
    }

    private void send(JsonNode key, JsonNode value) {
        try {
            String k = json.writeValueAsString(key);
            String v = value == null ? null : json.writeValueAsString(value);
            producer.send(new ProducerRecord<>(TOPIC, 0, k, v)).get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw RegistryException.internal("Interrupted while writing to the backend store");
        } catch (ExecutionException | TimeoutException | JsonProcessingException e) {
            Throwable cause = e instanceof ExecutionException ? e.getCause() : e;
            throw RegistryException.internal("Error while writing to the backend store: " + cause);
        }
    }

    /** Applies one record of the topic; unknown or malformed records are skipped. */
    private void replayRecord(ConsumerRecord<String, String> record) throws JsonProcessingException {
        if (record.key() == null) {
            return;
        }
        JsonNode key = json.readTree(record.key());
        String keytype = key.path("keytype").asText(key.has("version") ? "SCHEMA" : "");
        JsonNode subjectNode = key.get("subject");
        String subject = subjectNode == null || subjectNode.isNull() ? null : subjectNode.asText();
        if ("SCHEMA".equals(keytype) && subject != null && record.value() != null) {
            JsonNode value = json.readTree(record.value());
            applySchema(subject, value.path("version").asInt(key.path("version").asInt()), value.path("id").asInt(),
                    value.path("schema").asText(), value.path("deleted").asBoolean(false));
        } else if ("CONFIG".equals(keytype)) {
            CompatibilityLevel level = record.value() == null ? null
                    : CompatibilityLevel.parse(json.readTree(record.value()).path("compatibilityLevel").asText());
            applyConfig(subject, level);
        }
    }

    // ---- helpers --------------------------------------------------------------------------------

    private static Schema parse(String schemaText) {
        if (schemaText == null || schemaText.isBlank()) {
            throw RegistryException.invalidSchema("Empty schema");
        }
        try {
            return new Schema.Parser().parse(schemaText);
        } catch (SchemaParseException | IllegalArgumentException | NullPointerException e) {
            // the parser signals some malformed JSON with unchecked exceptions other than SchemaParseException
            throw RegistryException.invalidSchema(schemaText + ", details: " + e.getMessage());
        }
    }

    private Schema parsed(int id) {
        return parsedById.computeIfAbsent(id, i -> new Schema.Parser().parse(schemaById.get(i)));
    }

    private NavigableMap<Integer, Entry> requireSubject(String subject) {
        TreeMap<Integer, Entry> versions = subjects.get(subject);
        if (versions == null || versions.values().stream().allMatch(Entry::deleted)) {
            throw RegistryException.subjectNotFound(subject);
        }
        return versions;
    }

    private Optional<SchemaVersion> findLive(String subject, String canonical) {
        TreeMap<Integer, Entry> versions = subjects.get(subject);
        if (versions == null) {
            return Optional.empty();
        }
        for (Map.Entry<Integer, Entry> e : versions.entrySet()) {
            Entry entry = e.getValue();
            if (!entry.deleted() && schemaById.get(entry.id()).equals(canonical)) {
                return Optional.of(new SchemaVersion(subject, e.getKey(), entry.id(), canonical));
            }
        }
        return Optional.empty();
    }

    /** Live schemas of a subject, oldest first. */
    private List<Schema> liveSchemas(String subject) {
        List<Schema> live = new ArrayList<>();
        TreeMap<Integer, Entry> versions = subjects.get(subject);
        if (versions != null) {
            versions.values().stream().filter(e -> !e.deleted()).forEach(e -> live.add(parsed(e.id())));
        }
        return live;
    }

    private static int resolveVersion(NavigableMap<Integer, Entry> versions, String versionSpec) {
        if (LATEST.equalsIgnoreCase(versionSpec) || "-1".equals(versionSpec)) {
            for (Map.Entry<Integer, Entry> e : versions.descendingMap().entrySet()) {
                if (!e.getValue().deleted()) {
                    return e.getKey();
                }
            }
            throw RegistryException.versionNotFound(versionSpec);
        }
        int version;
        try {
            version = Integer.parseInt(versionSpec);
        } catch (NumberFormatException e) {
            throw RegistryException.invalidVersion(versionSpec);
        }
        if (version < 1) {
            throw RegistryException.invalidVersion(versionSpec);
        }
        Entry entry = versions.get(version);
        if (entry == null || entry.deleted()) {
            throw RegistryException.versionNotFound(version);
        }
        return version;
    }

    private static void ensureTopic(String bootstrapServers) {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) TIMEOUT.toMillis()))) {
            int brokers = admin.describeCluster().nodes().get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS).size();
            NewTopic topic = new NewTopic(TOPIC, 1, (short) Math.min(3, Math.max(1, brokers)))
                    .configs(Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT));
            try {
                admin.createTopics(List.of(topic)).all().get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            } catch (ExecutionException e) {
                if (!(e.getCause() instanceof TopicExistsException)) {
                    throw new IllegalStateException("cannot create topic " + TOPIC, e.getCause());
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while creating " + TOPIC, e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("cannot reach Kafka at " + bootstrapServers, e);
        }
    }

    /** Reads the topic from the beginning up to the end offset seen at start, applying each record. */
    private void replay(String bootstrapServers) {
        Map<String, Object> config = new LinkedHashMap<>();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        config.put(ConsumerConfig.CLIENT_ID_CONFIG, "newsflow-schema-registry-reader");
        TopicPartition partition = new TopicPartition(TOPIC, 0);
        try (KafkaConsumer<String, String> consumer =
                     new KafkaConsumer<>(config, new StringDeserializer(), new StringDeserializer())) {
            consumer.assign(Set.of(partition));
            consumer.seekToBeginning(Set.of(partition));
            long end = consumer.endOffsets(Set.of(partition), TIMEOUT).get(partition);
            long deadline = System.nanoTime() + TIMEOUT.toNanos();
            while (consumer.position(partition, TIMEOUT) < end) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("timed out reading " + TOPIC + " up to offset " + end);
                }
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
                    try {
                        replayRecord(record);
                    } catch (JsonProcessingException | RegistryException e) {
                        // a record this registry cannot read (another tool's format): skip it
                    }
                }
            }
        }
    }

    @Override
    public void close() {
        producer.close(Duration.ofSeconds(5));
    }
}
