package io.newsflow.schemas.registry;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.avro.Schema;

/**
 * A registry client that keeps schemas in memory, for tests that run a topology without a
 * registry (TopologyTestDriver) — like Confluent's MockSchemaRegistryClient. One id per distinct
 * schema, shared across subjects, as the real registry does.
 */
public class InMemorySchemaRegistryClient extends SchemaRegistryClient {
    private final Map<Schema, Integer> ids = new ConcurrentHashMap<>();
    private final Map<Integer, Schema> schemas = new ConcurrentHashMap<>();
    private final AtomicInteger nextId = new AtomicInteger(1);

    public InMemorySchemaRegistryClient() {
        super("mock://in-memory");
    }

    @Override
    public synchronized int register(String subject, Schema schema) {
        return ids.computeIfAbsent(schema, s -> {
            int id = nextId.getAndIncrement();
            schemas.put(id, s);
            return id;
        });
    }

    @Override
    public Schema getById(int id) {
        Schema schema = schemas.get(id);
        if (schema == null) {
            throw new SchemaRegistryException("Schema " + id + " not found", 40403, 404, null);
        }
        return schema;
    }
}
