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
import org.apache.avro.AvroRuntimeException;
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
import org.apache.kafka.common.KafkaException;
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
 *       rewrites the value with {@code "deleted":true}, a hard (permanent) delete writes a tombstone;</li>
 *       A schema registered with Confluent schema references carries them in the value
 *       ({@code "references":[{"name":..,"subject":..,"version":..}]});</li>
 *   <li>compatibility: key {@code {"keytype":"CONFIG","subject":s|null}}, value
 *       {@code {"compatibilityLevel":"FULL"}}; a tombstone removes a subject-level setting;</li>
 *   <li>mode: key {@code {"keytype":"MODE","subject":s|null}}, value {@code {"mode":"READONLY"}};
 *       a tombstone removes a subject-level mode.</li>
 * </ul>
 *
 * <p>References follow Confluent: a referenced version must exist when the referring schema is
 * registered, its types are parsed first so the referring schema may use them by name, and a
 * version another subject's schema refers to cannot be deleted (42206) — soft-deleting checks live
 * referrers, a permanent delete soft-deleted ones too.
 *
 * <p>Deletes follow Confluent: a soft delete hides versions but keeps their schema ids resolvable
 * (old records still carry them); a hard delete ({@code permanent=true}) is allowed only on what was
 * soft-deleted first and removes the version, and the schema id with it once no version of any
 * subject refers to it. Ids are not handed out again while the registry runs; as in Confluent, once
 * compaction has dropped a hard-deleted id's records, a restarted registry no longer knows it existed.
 * When the last live version of a subject is soft-deleted, its subject-level compatibility goes too.
 *
 * <p>Every write is acknowledged by the broker ({@code acks=all}, idempotent producer) before the
 * in-memory state changes and before the caller answers, so an id handed out is never lost. Writes
 * are serialized (concurrent clients registering the same schema get the same id); reads never wait
 * for Kafka, so lookups keep being answered from memory while the broker is slow or down. A write
 * that fails answers 50001, one that times out 50002 (the producer's delivery timeout is the store
 * timeout, so by then the producer has given up too). Either way the write's outcome is not certain,
 * so before the next write the store re-reads the topic and continues from what it actually holds.
 *
 * <p>On start the topic is read from the beginning to its end offset and replayed. One registry
 * instance per topic is assumed (no leader election, no tailing of writes by others).
 */
final class SchemaStore implements AutoCloseable {

    static final String TOPIC = "_schemas";
    /** How long a write may wait for the broker's acknowledgement (and a read of the topic may take). */
    static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(30);

    private static final String LATEST = "latest";
    static final String READWRITE = "READWRITE";
    static final String READONLY = "READONLY";

    private final ObjectMapper json = new ObjectMapper();
    private final String bootstrapServers;
    private final Duration timeout;
    private final Producer<String, String> producer;
    private final String kafkaClusterId;

    /** Serializes writes, and is held across their round trip to Kafka; reads never take it. */
    private final Object writeLock = new Object();
    /** Guarded by {@code this}; replaced whole when the topic is re-read. */
    private State state;
    /** Guarded by {@link #writeLock}: a write failed or timed out, so the topic may differ from {@link #state}. */
    private boolean stale;

    /** One version of a subject: the schema id it points at and whether it was soft-deleted. */
    private record Entry(int id, boolean deleted) {
    }

    /** A subject's version as the REST API reports it. */
    record SchemaVersion(String subject, int version, int id, String schema, List<SchemaReference> references) {
        SchemaVersion(String subject, int version, int id, RegisteredSchema registered) {
            this(subject, version, id, registered.schema(), registered.references());
        }
    }

    /** A request's schema, parsed with its references resolved. */
    private record Parsed(RegisteredSchema registered, Schema schema) {
    }

    /** The topic's content as maps; mutated only by writers (under {@link #writeLock}) and while loading. */
    private static final class State {
        final Map<Integer, RegisteredSchema> schemaById = new HashMap<>();
        final Map<Integer, Schema> parsedById = new HashMap<>();
        final Map<RegisteredSchema, Integer> idBySchema = new HashMap<>();
        final Map<String, TreeMap<Integer, Entry>> subjects = new TreeMap<>();
        final Map<String, CompatibilityLevel> subjectLevels = new HashMap<>();
        CompatibilityLevel globalLevel = CompatibilityLevel.BACKWARD;
        final Map<String, String> subjectModes = new HashMap<>();
        String globalMode = READWRITE;
        int maxId;

        void putSchema(String subject, int version, int id, RegisteredSchema schema, boolean deleted) {
            schemaById.putIfAbsent(id, schema);
            idBySchema.putIfAbsent(schema, id);
            maxId = Math.max(maxId, id);
            subjects.computeIfAbsent(subject, s -> new TreeMap<>()).put(version, new Entry(id, deleted));
        }

        /** A hard delete: the version goes, and its schema id too once no version of any subject uses it. */
        void removeSchema(String subject, int version) {
            TreeMap<Integer, Entry> versions = subjects.get(subject);
            if (versions == null) {
                return;
            }
            Entry removed = versions.remove(version);
            if (versions.isEmpty()) {
                subjects.remove(subject);
            }
            if (removed != null && !referenced(removed.id())) {
                RegisteredSchema schema = schemaById.remove(removed.id());
                parsedById.remove(removed.id());
                if (schema != null) {
                    idBySchema.remove(schema, removed.id());
                }
                // maxId stays: the id is not handed out again by this registry
            }
        }

        void putMode(String subject, String mode) {
            if (subject == null) {
                globalMode = mode == null ? READWRITE : mode;
            } else if (mode == null) {
                subjectModes.remove(subject);
            } else {
                subjectModes.put(subject, mode);
            }
        }

        void putConfig(String subject, CompatibilityLevel level) {
            if (subject == null) {
                globalLevel = level == null ? CompatibilityLevel.BACKWARD : level;
            } else if (level == null) {
                subjectLevels.remove(subject);
            } else {
                subjectLevels.put(subject, level);
            }
        }

        private boolean referenced(int id) {
            for (TreeMap<Integer, Entry> versions : subjects.values()) {
                for (Entry entry : versions.values()) {
                    if (entry.id() == id) {
                        return true;
                    }
                }
            }
            return false;
        }
    }

    SchemaStore(String bootstrapServers) {
        this(bootstrapServers, DEFAULT_TIMEOUT);
    }

    /**
     * @param timeout how long a write waits for the broker (then 50002) and a read of the whole
     *                topic may take; at least one second
     */
    SchemaStore(String bootstrapServers, Duration timeout) {
        if (timeout.compareTo(Duration.ofSeconds(1)) < 0) {
            throw new IllegalArgumentException("store timeout must be at least 1s, got " + timeout);
        }
        this.bootstrapServers = bootstrapServers;
        this.timeout = timeout;
        this.kafkaClusterId = ensureTopic(bootstrapServers, timeout);
        try {
            this.state = load();
        } catch (KafkaException e) {
            throw new IllegalStateException("cannot read " + TOPIC + " from Kafka at " + bootstrapServers + ": "
                    + e.getMessage(), e);
        }
        int timeoutMs = (int) timeout.toMillis();
        Map<String, Object> config = new HashMap<>();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        config.put(ProducerConfig.LINGER_MS_CONFIG, 0);
        config.put(ProducerConfig.CLIENT_ID_CONFIG, "newsflow-schema-registry");
        // a write is settled (acknowledged or failed) within the timeout, so an answered 50002 is not
        // followed by the record landing later behind the store's back
        config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, timeoutMs);
        config.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, timeoutMs / 2);
        config.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, timeoutMs);
        this.producer = new KafkaProducer<>(config, new StringSerializer(), new StringSerializer());
    }

    // ---- schemas -------------------------------------------------------------------------------

    /**
     * Registers a schema under a subject and returns its id: the existing version's id if the subject
     * already has this schema, else the schema's global id (the same schema text under any subject
     * shares one id), else a new id. A new version must pass the subject's compatibility level.
     */
    int register(String subject, String schemaText, List<SchemaReference> references) {
        Parsed parsed = parse(schemaText, references);
        Schema schema = parsed.schema();
        RegisteredSchema canonical = parsed.registered();
        synchronized (this) {
            Optional<SchemaVersion> existing = findLive(subject, canonical);
            if (existing.isPresent()) {
                return existing.get().id(); // answered from memory, even while Kafka is away
            }
        }
        synchronized (writeLock) {
            ensureFresh();
            int id;
            int version;
            synchronized (this) {
                Optional<SchemaVersion> existing = findLive(subject, canonical);
                if (existing.isPresent()) {
                    return existing.get().id();
                }
                requireWritable(subject);
                CompatibilityLevel level = level(subject);
                List<Schema> live = liveSchemas(subject);
                if (level != CompatibilityLevel.NONE && !live.isEmpty()) {
                    List<Schema> against = level.transitive() ? live : List.of(live.get(live.size() - 1));
                    List<String> problems = level.check(schema, against);
                    if (!problems.isEmpty()) {
                        throw RegistryException.incompatible(subject, problems.toString());
                    }
                }
                id = state.idBySchema.getOrDefault(canonical, state.maxId + 1);
                TreeMap<Integer, Entry> versions = state.subjects.get(subject);
                // as in Confluent, numbering goes on after soft-deleted versions
                version = versions == null || versions.isEmpty() ? 1 : versions.lastKey() + 1;
            }
            writeSchema(subject, version, id, canonical, false);
            return id;
        }
    }

    /** The live version of a subject holding exactly this schema (40401 / 40403 otherwise). */
    synchronized SchemaVersion lookup(String subject, String schemaText, List<SchemaReference> references) {
        RegisteredSchema canonical = parse(schemaText, references).registered();
        requireSubject(subject, false);
        return findLive(subject, canonical)
                .orElseThrow(() -> RegistryException.schemaNotFound("Schema not found"));
    }

    synchronized RegisteredSchema schemaById(int id) {
        RegisteredSchema schema = state.schemaById.get(id);
        if (schema == null) {
            throw RegistryException.schemaNotFound("Schema " + id + " not found");
        }
        return schema;
    }

    /** Subjects with at least one live version (or, with {@code includeDeleted}, any version), sorted. */
    synchronized List<String> subjects(boolean includeDeleted) {
        List<String> names = new ArrayList<>();
        state.subjects.forEach((name, versions) -> {
            if (versions.values().stream().anyMatch(e -> includeDeleted || !e.deleted())) {
                names.add(name);
            }
        });
        return names;
    }

    synchronized List<Integer> versions(String subject, boolean includeDeleted) {
        List<Integer> numbers = new ArrayList<>();
        requireSubject(subject, includeDeleted).forEach((version, entry) -> {
            if (includeDeleted || !entry.deleted()) {
                numbers.add(version);
            }
        });
        return numbers;
    }

    /**
     * A version of a subject; {@code versionSpec} is a positive number, "latest" or -1. Soft-deleted
     * versions only with {@code includeDeleted} (Confluent's {@code ?deleted=true}).
     */
    synchronized SchemaVersion version(String subject, String versionSpec, boolean includeDeleted) {
        NavigableMap<Integer, Entry> versions = requireSubject(subject, includeDeleted);
        int version = resolveVersion(versions, versionSpec, includeDeleted);
        Entry entry = versions.get(version);
        return new SchemaVersion(subject, version, entry.id(), state.schemaById.get(entry.id()));
    }

    /**
     * Every version of every subject whose name starts with {@code prefix} ({@code GET /schemas}),
     * by subject then version; soft-deleted ones only with {@code includeDeleted}; with
     * {@code latestOnly}, the latest of each subject.
     */
    synchronized List<SchemaVersion> schemas(String prefix, boolean includeDeleted, boolean latestOnly) {
        List<SchemaVersion> found = new ArrayList<>();
        state.subjects.forEach((subject, versions) -> {
            if (!subject.startsWith(prefix)) {
                return;
            }
            List<SchemaVersion> ofSubject = new ArrayList<>();
            versions.forEach((version, entry) -> {
                if (includeDeleted || !entry.deleted()) {
                    ofSubject.add(new SchemaVersion(subject, version, entry.id(), state.schemaById.get(entry.id())));
                }
            });
            if (latestOnly && !ofSubject.isEmpty()) {
                found.add(ofSubject.get(ofSubject.size() - 1));
            } else {
                found.addAll(ofSubject);
            }
        });
        return found;
    }

    /** The subject versions registered with this schema id (40403 for an unknown id). */
    synchronized List<SchemaVersion> versionsOf(int id, boolean includeDeleted) {
        schemaById(id);
        List<SchemaVersion> found = new ArrayList<>();
        state.subjects.forEach((subject, versions) -> versions.forEach((version, entry) -> {
            if (entry.id() == id && (includeDeleted || !entry.deleted())) {
                found.add(new SchemaVersion(subject, version, id, state.schemaById.get(id)));
            }
        }));
        return found;
    }

    /**
     * Ids of the schemas whose references point at this version of the subject
     * ({@code /referencedby}): registered under a live version, or any with {@code includeDeleted}.
     */
    synchronized List<Integer> referencedBy(String subject, String versionSpec, boolean includeDeleted) {
        NavigableMap<Integer, Entry> versions = requireSubject(subject, true);
        int version = resolveVersion(versions, versionSpec, true);
        return referrers(subject, version, includeDeleted).stream().map(Referrer::id).distinct().sorted().toList();
    }

    /** A version of a subject whose schema refers to another version. */
    private record Referrer(String subject, int version, int id) {
    }

    /** The versions whose schemas refer to {@code subject} at {@code version} (live ones unless {@code includeDeleted}). */
    private List<Referrer> referrers(String subject, int version, boolean includeDeleted) {
        List<Referrer> referrers = new ArrayList<>();
        state.subjects.forEach((name, versions) -> versions.forEach((v, entry) -> {
            if (!includeDeleted && entry.deleted()) {
                return;
            }
            for (SchemaReference ref : state.schemaById.get(entry.id()).references()) {
                if (ref.subject().equals(subject) && ref.version() == version) {
                    referrers.add(new Referrer(name, v, entry.id()));
                }
            }
        }));
        return referrers;
    }

    /** 42206 when another subject's schema refers to this version (live ones only, unless {@code permanent}). */
    private void requireUnreferenced(String subject, int version, boolean permanent) {
        if (referrers(subject, version, permanent).stream().anyMatch(r -> !r.subject().equals(subject))) {
            throw RegistryException.referenceExists(subject, version);
        }
    }

    // ---- modes ---------------------------------------------------------------------------------

    /** The global mode (subject null), or the subject's own (40409 if it has none, unless {@code defaultToGlobal}). */
    synchronized String mode(String subject, boolean defaultToGlobal) {
        if (subject == null) {
            return state.globalMode;
        }
        String own = state.subjectModes.get(subject);
        if (own == null && !defaultToGlobal) {
            throw RegistryException.subjectLevelModeNotConfigured(subject);
        }
        return own != null ? own : state.globalMode;
    }

    /** Sets the global (subject null) or a subject's mode: READWRITE or READONLY (42204 otherwise). */
    String setMode(String subject, String mode) {
        String valid = mode == null ? "" : mode.trim().toUpperCase(java.util.Locale.ROOT);
        if (!valid.equals(READWRITE) && !valid.equals(READONLY)) {
            throw RegistryException.invalidMode(mode);
        }
        synchronized (writeLock) {
            ensureFresh();
            writeMode(subject, valid);
        }
        return valid;
    }

    /** Removes a subject's own mode and returns it (40409 when it had none). */
    String deleteMode(String subject) {
        synchronized (writeLock) {
            ensureFresh();
            String previous = mode(subject, false);
            writeMode(subject, null);
            return previous;
        }
    }

    /** 42205 when the subject (or, without its own mode, the registry) is read-only. */
    private void requireWritable(String subject) {
        if (READONLY.equals(mode(subject, true))) {
            throw RegistryException.operationNotPermitted("Subject " + subject + " is in read-only mode");
        }
    }

    /** The id of the Kafka cluster holding {@code _schemas} ({@code /v1/metadata/id}). */
    String kafkaClusterId() {
        return kafkaClusterId;
    }

    /**
     * Deletes every version of a subject and returns their numbers. A soft delete hides the live
     * versions (40404 when there are none left; schema ids stay resolvable, as in Confluent, since
     * old records still carry them) and drops the subject's compatibility level. A permanent delete
     * removes versions that were soft-deleted before: 40405 while any is still live.
     */
    List<Integer> deleteSubject(String subject, boolean permanent) {
        synchronized (writeLock) {
            ensureFresh();
            List<Integer> deleted = new ArrayList<>();
            synchronized (this) {
                TreeMap<Integer, Entry> versions = state.subjects.get(subject);
                if (versions == null || versions.isEmpty()) {
                    throw RegistryException.subjectNotFound(subject);
                }
                boolean anyLive = versions.values().stream().anyMatch(e -> !e.deleted());
                if (permanent && anyLive) {
                    throw RegistryException.subjectNotSoftDeleted(subject);
                }
                if (!permanent && !anyLive) {
                    throw RegistryException.subjectSoftDeleted(subject);
                }
                requireWritable(subject);
                for (int version : versions.keySet()) {
                    requireUnreferenced(subject, version, permanent);
                }
                versions.forEach((version, entry) -> {
                    if (permanent || !entry.deleted()) {
                        deleted.add(version);
                    }
                });
            }
            for (int version : deleted) {
                if (permanent) {
                    writeTombstone(subject, version);
                } else {
                    softDelete(subject, version);
                }
            }
            if (!permanent) {
                dropSubjectLevel(subject);
            }
            return deleted;
        }
    }

    /**
     * Deletes one version of a subject ({@code versionSpec}: a number, "latest" or -1) and returns
     * its number. Soft: 40406 if it is already soft-deleted; when it was the subject's last live
     * version, the subject's compatibility level goes too. Permanent: only a soft-deleted version
     * (40407 otherwise; "latest" is then the highest version, deleted or not).
     */
    int deleteVersion(String subject, String versionSpec, boolean permanent) {
        synchronized (writeLock) {
            ensureFresh();
            int version;
            boolean lastLive;
            synchronized (this) {
                int requested = parseVersion(versionSpec);
                TreeMap<Integer, Entry> versions = state.subjects.get(subject);
                if (versions == null || versions.isEmpty()) {
                    throw RegistryException.subjectNotFound(subject);
                }
                if (requested == -1) {
                    version = resolveVersion(versions, LATEST, permanent);
                } else {
                    version = requested;
                }
                Entry entry = versions.get(version);
                if (entry == null) {
                    throw RegistryException.versionNotFound(version);
                }
                if (!permanent && entry.deleted()) {
                    throw RegistryException.versionSoftDeleted(subject, version);
                }
                if (permanent && !entry.deleted()) {
                    throw RegistryException.versionNotSoftDeleted(subject, version);
                }
                requireWritable(subject);
                requireUnreferenced(subject, version, permanent);
                lastLive = !permanent && versions.values().stream().filter(e -> !e.deleted()).count() == 1;
            }
            if (permanent) {
                writeTombstone(subject, version);
            } else {
                softDelete(subject, version);
                if (lastLive) {
                    dropSubjectLevel(subject);
                }
            }
            return version;
        }
    }

    // ---- compatibility -------------------------------------------------------------------------

    /**
     * Reasons why the schema would be rejected under the subject's level; empty if it is compatible.
     * With a version, it is checked against that one version; without ({@code null}) against the
     * latest, or all versions for a transitive level. An unknown subject is compatible when no
     * version was named (nothing to break) and a 40401 otherwise.
     */
    synchronized List<String> checkCompatibility(String subject, String versionSpec, String schemaText,
                                                 List<SchemaReference> references) {
        Schema schema = parse(schemaText, references).schema();
        CompatibilityLevel level = level(subject);
        List<Schema> against;
        if (versionSpec != null) {
            NavigableMap<Integer, Entry> versions = requireSubject(subject, false);
            against = List.of(parsed(versions.get(resolveVersion(versions, versionSpec, false)).id()));
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
        return state.globalLevel;
    }

    /** The subject's own level, or the global one when it has none ({@code defaultToGlobal=true}). */
    synchronized CompatibilityLevel level(String subject) {
        return state.subjectLevels.getOrDefault(subject, state.globalLevel);
    }

    /** The subject's own level only; empty when it has none (Confluent then answers 40408). */
    synchronized Optional<CompatibilityLevel> subjectLevel(String subject) {
        return Optional.ofNullable(state.subjectLevels.get(subject));
    }

    void setGlobalLevel(CompatibilityLevel level) {
        synchronized (writeLock) {
            ensureFresh();
            writeConfig(null, level);
        }
    }

    void setSubjectLevel(String subject, CompatibilityLevel level) {
        synchronized (writeLock) {
            ensureFresh();
            writeConfig(subject, level);
        }
    }

    /** Removes a subject-level setting and returns the level it had (40401 if it had none). */
    CompatibilityLevel deleteSubjectLevel(String subject) {
        synchronized (writeLock) {
            ensureFresh();
            CompatibilityLevel previous;
            synchronized (this) {
                previous = state.subjectLevels.get(subject);
            }
            if (previous == null) {
                throw RegistryException.subjectNotFound(subject);
            }
            writeConfig(subject, null);
            return previous;
        }
    }

    // ---- writes (callers hold writeLock) -------------------------------------------------------

    private void softDelete(String subject, int version) {
        int id;
        RegisteredSchema schema;
        synchronized (this) {
            id = state.subjects.get(subject).get(version).id();
            schema = state.schemaById.get(id);
        }
        writeSchema(subject, version, id, schema, true);
    }

    private void dropSubjectLevel(String subject) {
        boolean has;
        synchronized (this) {
            has = state.subjectLevels.containsKey(subject);
        }
        if (has) {
            writeConfig(subject, null);
        }
    }

    private void writeSchema(String subject, int version, int id, RegisteredSchema schema, boolean deleted) {
        ObjectNode value = json.createObjectNode();
        value.put("subject", subject);
        value.put("version", version);
        value.put("id", id);
        value.put("schema", schema.schema());
        if (!schema.references().isEmpty()) {
            value.set("references", json.valueToTree(schema.references()));
        }
        value.put("deleted", deleted);
        send(schemaKey(subject, version), value);
        synchronized (this) {
            state.putSchema(subject, version, id, schema, deleted);
        }
    }

    private void writeTombstone(String subject, int version) {
        send(schemaKey(subject, version), null);
        synchronized (this) {
            state.removeSchema(subject, version);
        }
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
        synchronized (this) {
            state.putConfig(subject, level);
        }
    }

    private void writeMode(String subject, String mode) {
        ObjectNode key = json.createObjectNode();
        key.put("keytype", "MODE");
        key.put("subject", subject);
        ObjectNode value = null;
        if (mode != null) {
            value = json.createObjectNode();
            value.put("mode", mode);
        }
        send(key, value);
        synchronized (this) {
            state.putMode(subject, mode);
        }
    }

    private ObjectNode schemaKey(String subject, int version) {
        ObjectNode key = json.createObjectNode();
        key.put("keytype", "SCHEMA");
        key.put("subject", subject);
        key.put("version", version);
        return key;
    }

    /**
     * Writes one record and waits for the broker's acknowledgement: 50002 when none comes in time,
     * 50001 when the write fails. Either way the store is marked stale (the record may still have
     * landed), so the next write re-reads the topic first.
     */
    private void send(JsonNode key, JsonNode value) {
        String k;
        String v;
        try {
            k = json.writeValueAsString(key);
            v = value == null ? null : json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw RegistryException.internal("Error while serializing a record for the backend store: " + e);
        }
        try {
            // the producer settles the write within its delivery timeout; the margin is for its bookkeeping
            producer.send(new ProducerRecord<>(TOPIC, 0, k, v))
                    .get(timeout.toMillis() + 2_000, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            stale = true;
            throw RegistryException.internal("Interrupted while writing to the backend store");
        } catch (ExecutionException | TimeoutException | KafkaException e) {
            stale = true;
            Throwable cause = e instanceof ExecutionException ? e.getCause() : e;
            if (cause instanceof TimeoutException || cause instanceof org.apache.kafka.common.errors.TimeoutException) {
                throw RegistryException.timeout("Write to the Kafka store timed out after " + timeout.toMillis()
                        + " ms (topic " + TOPIC + " at " + bootstrapServers + "): " + cause.getMessage());
            }
            throw RegistryException.internal("Error while writing to the backend store: " + cause);
        }
    }

    /** After a failed write: re-reads the topic, so the state is what Kafka holds (50001/50002 if it cannot). */
    private void ensureFresh() {
        if (!stale) {
            return;
        }
        State fresh;
        try {
            fresh = load();
        } catch (org.apache.kafka.common.errors.TimeoutException e) {
            throw RegistryException.timeout("Timed out re-reading " + TOPIC + " after a failed write: " + e.getMessage());
        } catch (KafkaException | IllegalStateException e) {
            throw RegistryException.internal("Error re-reading " + TOPIC + " after a failed write: " + e);
        }
        synchronized (this) {
            state = fresh;
        }
        stale = false;
    }

    // ---- reading the topic ---------------------------------------------------------------------

    /**
     * Reads the topic from the beginning up to the end offset seen at start into a new state.
     *
     * @throws org.apache.kafka.common.errors.TimeoutException when that takes longer than the timeout
     */
    private State load() {
        State fresh = new State();
        int timeoutMs = (int) timeout.toMillis();
        Map<String, Object> config = new LinkedHashMap<>();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        config.put(ConsumerConfig.CLIENT_ID_CONFIG, "newsflow-schema-registry-reader");
        config.put(ConsumerConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, timeoutMs);
        config.put(ConsumerConfig.REQUEST_TIMEOUT_MS_CONFIG, timeoutMs);
        TopicPartition partition = new TopicPartition(TOPIC, 0);
        try (KafkaConsumer<String, String> consumer =
                     new KafkaConsumer<>(config, new StringDeserializer(), new StringDeserializer())) {
            consumer.assign(Set.of(partition));
            consumer.seekToBeginning(Set.of(partition));
            long end = consumer.endOffsets(Set.of(partition), timeout).get(partition);
            long deadline = System.nanoTime() + timeout.toNanos();
            while (consumer.position(partition, timeout) < end) {
                if (System.nanoTime() > deadline) {
                    throw new org.apache.kafka.common.errors.TimeoutException(
                            "timed out reading " + TOPIC + " up to offset " + end);
                }
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
                    try {
                        replayRecord(fresh, record);
                    } catch (JsonProcessingException | RegistryException e) {
                        // a record this registry cannot read (another tool's format): skip it
                    }
                }
            }
        }
        return fresh;
    }

    /** Applies one record of the topic; unknown or malformed records are skipped. */
    private void replayRecord(State into, ConsumerRecord<String, String> record) throws JsonProcessingException {
        if (record.key() == null) {
            return;
        }
        JsonNode key = json.readTree(record.key());
        String keytype = key.path("keytype").asText(key.has("version") ? "SCHEMA" : "");
        JsonNode subjectNode = key.get("subject");
        String subject = subjectNode == null || subjectNode.isNull() ? null : subjectNode.asText();
        if ("SCHEMA".equals(keytype) && subject != null) {
            if (record.value() == null) {
                into.removeSchema(subject, key.path("version").asInt());
                return;
            }
            JsonNode value = json.readTree(record.value());
            into.putSchema(subject, value.path("version").asInt(key.path("version").asInt()), value.path("id").asInt(),
                    new RegisteredSchema(value.path("schema").asText(), references(value.path("references"))),
                    value.path("deleted").asBoolean(false));
        } else if ("MODE".equals(keytype)) {
            into.putMode(subject, record.value() == null ? null : json.readTree(record.value()).path("mode").asText(READWRITE));
        } else if ("CONFIG".equals(keytype)) {
            CompatibilityLevel level = record.value() == null ? null
                    : CompatibilityLevel.parse(json.readTree(record.value()).path("compatibilityLevel").asText());
            into.putConfig(subject, level);
        }
    }

    // ---- helpers (callers hold this) -----------------------------------------------------------

    /** References as stored in a {@code _schemas} value or sent in a request body. */
    static List<SchemaReference> references(JsonNode node) {
        List<SchemaReference> references = new ArrayList<>();
        if (node != null && node.isArray()) {
            for (JsonNode ref : node) {
                references.add(new SchemaReference(ref.path("name").asText(null), ref.path("subject").asText(null),
                        ref.path("version").asInt(-1)));
            }
        }
        return references;
    }

    /**
     * Parses a schema with its references resolved: each reference's schema (and, first, the ones it
     * refers to) is parsed into the same parser, so the schema may use their named types. The
     * canonical text is Avro's {@code toString} with the referenced types written by name only, as
     * Confluent stores it. 42201 when the text is not Avro or a reference does not resolve.
     */
    private synchronized Parsed parse(String schemaText, List<SchemaReference> references) {
        if (schemaText == null || schemaText.isBlank()) {
            throw RegistryException.invalidSchema("Empty schema");
        }
        Schema.Parser parser = new Schema.Parser();
        for (SchemaReference reference : references) {
            addReferencedTypes(parser, reference, new ArrayList<>());
        }
        List<Schema> referenced = new ArrayList<>(parser.getTypes().values());
        Schema schema;
        try {
            schema = parser.parse(schemaText);
        } catch (AvroRuntimeException | IllegalArgumentException | NullPointerException e) {
            // SchemaParseException, "Undefined schema" (AvroTypeException), and some malformed JSON as other unchecked ones
            throw RegistryException.invalidSchema(schemaText + ", details: " + e.getMessage());
        }
        String canonical = referenced.isEmpty() ? schema.toString() : schema.toString(referenced, false);
        return new Parsed(new RegisteredSchema(canonical, references), schema);
    }

    private void addReferencedTypes(Schema.Parser parser, SchemaReference reference, List<SchemaReference> path) {
        if (reference.name() == null || reference.subject() == null || reference.version() < 1) {
            throw RegistryException.invalidSchema("reference " + reference + ": name, subject and a version >= 1 are required");
        }
        if (path.contains(reference)) {
            throw RegistryException.invalidSchema("circular reference " + path + " -> " + reference);
        }
        TreeMap<Integer, Entry> versions = state.subjects.get(reference.subject());
        Entry entry = versions == null ? null : versions.get(reference.version());
        if (entry == null) {
            throw RegistryException.invalidSchema("reference '" + reference.name() + "': subject '" + reference.subject()
                    + "' has no version " + reference.version());
        }
        RegisteredSchema target = state.schemaById.get(entry.id());
        List<SchemaReference> deeper = new ArrayList<>(path);
        deeper.add(reference);
        for (SchemaReference inner : target.references()) {
            addReferencedTypes(parser, inner, deeper);
        }
        try {
            parser.parse(target.schema());
        } catch (AvroRuntimeException e) {
            throw RegistryException.invalidSchema("reference '" + reference.name() + "' (subject '" + reference.subject()
                    + "' version " + reference.version() + ") does not parse with the others: " + e.getMessage());
        }
        if (!parser.getTypes().containsKey(reference.name())) {
            throw RegistryException.invalidSchema("reference '" + reference.name() + "': subject '" + reference.subject()
                    + "' version " + reference.version() + " defines no type of that name");
        }
    }

    private Schema parsed(int id) {
        Schema cached = state.parsedById.get(id);
        if (cached == null) {
            RegisteredSchema registered = state.schemaById.get(id);
            cached = parse(registered.schema(), registered.references()).schema();
            state.parsedById.put(id, cached);
        }
        return cached;
    }

    /** The subject's versions: 40401 when it has none (live ones, unless {@code includeDeleted}). */
    private NavigableMap<Integer, Entry> requireSubject(String subject, boolean includeDeleted) {
        TreeMap<Integer, Entry> versions = state.subjects.get(subject);
        if (versions == null || versions.isEmpty()
                || (!includeDeleted && versions.values().stream().allMatch(Entry::deleted))) {
            throw RegistryException.subjectNotFound(subject);
        }
        return versions;
    }

    private Optional<SchemaVersion> findLive(String subject, RegisteredSchema canonical) {
        TreeMap<Integer, Entry> versions = state.subjects.get(subject);
        if (versions == null) {
            return Optional.empty();
        }
        for (Map.Entry<Integer, Entry> e : versions.entrySet()) {
            Entry entry = e.getValue();
            if (!entry.deleted() && canonical.equals(state.schemaById.get(entry.id()))) {
                return Optional.of(new SchemaVersion(subject, e.getKey(), entry.id(), canonical));
            }
        }
        return Optional.empty();
    }

    /** Live schemas of a subject, oldest first. */
    private List<Schema> liveSchemas(String subject) {
        List<Schema> live = new ArrayList<>();
        TreeMap<Integer, Entry> versions = state.subjects.get(subject);
        if (versions != null) {
            versions.values().stream().filter(e -> !e.deleted()).forEach(e -> live.add(parsed(e.id())));
        }
        return live;
    }

    /** A version number from the REST path: a positive number, or -1 for "latest"/-1 (42202 otherwise). */
    private static int parseVersion(String versionSpec) {
        if (LATEST.equalsIgnoreCase(versionSpec)) {
            return -1;
        }
        int version;
        try {
            version = Integer.parseInt(versionSpec);
        } catch (NumberFormatException e) {
            throw RegistryException.invalidVersion(versionSpec);
        }
        if (version < 1 && version != -1) {
            throw RegistryException.invalidVersion(versionSpec);
        }
        return version;
    }

    private static int resolveVersion(NavigableMap<Integer, Entry> versions, String versionSpec, boolean includeDeleted) {
        int requested = parseVersion(versionSpec);
        if (requested == -1) {
            for (Map.Entry<Integer, Entry> e : versions.descendingMap().entrySet()) {
                if (includeDeleted || !e.getValue().deleted()) {
                    return e.getKey();
                }
            }
            throw RegistryException.versionNotFound(versionSpec);
        }
        Entry entry = versions.get(requested);
        if (entry == null || (entry.deleted() && !includeDeleted)) {
            throw RegistryException.versionNotFound(requested);
        }
        return requested;
    }

    /** Creates the topic when it is missing and returns the Kafka cluster's id. */
    private static String ensureTopic(String bootstrapServers, Duration timeout) {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) timeout.toMillis(),
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) timeout.toMillis()))) {
            var cluster = admin.describeCluster();
            int brokers = cluster.nodes().get(timeout.toMillis(), TimeUnit.MILLISECONDS).size();
            String clusterId = cluster.clusterId().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            NewTopic topic = new NewTopic(TOPIC, 1, (short) Math.min(3, Math.max(1, brokers)))
                    .configs(Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT));
            try {
                admin.createTopics(List.of(topic)).all().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            } catch (ExecutionException e) {
                if (!(e.getCause() instanceof TopicExistsException)) {
                    throw new IllegalStateException("cannot create topic " + TOPIC, e.getCause());
                }
            }
            return clusterId;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while creating " + TOPIC, e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("cannot reach Kafka at " + bootstrapServers, e);
        }
    }

    @Override
    public void close() {
        producer.close(Duration.ofSeconds(5));
    }
}
