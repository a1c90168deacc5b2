#!/usr/bin/env node
// Reads newsflow's topics the way a Node.js team would, with third-party clients only:
// kafkajs (the Kafka protocol) and @kafkajs/confluent-schema-registry (Confluent's wire format:
// magic byte 0, 4-byte schema id, Avro binary; schemas fetched from the registry by id, decoded
// with avsc). Nothing from the newsflow code base is used. See README.md beside this file.
'use strict';

const fs = require('fs');
const path = require('path');
const { Kafka, logLevel, CompressionTypes, CompressionCodecs } = require('kafkajs');
const { SchemaRegistry, SchemaType } = require('@kafkajs/confluent-schema-registry');
const LZ4Codec = require('@2l/kafkajs-lz4');

// newsflow's producer compresses with lz4 (compression.type=lz4); kafkajs ships gzip only and
// needs a codec for the others, or it fails with "LZ4 compression not implemented"
CompressionCodecs[CompressionTypes.LZ4] = new LZ4Codec().codec;

const USAGE = `usage: node consume.js [options]
  --bootstrap HOST:PORT     Kafka (env KAFKA_BOOTSTRAP_SERVERS, default localhost:9092)
  --registry URL            schema registry (env SCHEMA_REGISTRY_URL, default http://localhost:8081)
  --topic NAME              a topic to read (repeatable; default news.articles.enriched and news.casualties)
  --all-topics              every news.* topic on the cluster
  --from-beginning          read each topic from its first record (default: only new records)
  --exit-at-end             stop once every record that was on the topics at start is read
  --expect N                stop once N records are decoded (fails after --timeout-ms otherwise)
  --timeout-ms MS           give up waiting after MS milliseconds (default 120000 with --expect/--exit-at-end)
  --check-schemas DIR       first look up each topic's published .avsc from DIR under <topic>-value
                            and check the registry answers the id of the subject's latest version
  --json                    print each value as one line of JSON instead of a summary
exit code: 0 all decoded, 1 a record could not be decoded (or a check failed), 2 usage or connection error`;

function parseArgs(argv) {
  const opts = {
    bootstrap: process.env.KAFKA_BOOTSTRAP_SERVERS || 'localhost:9092',
    registry: process.env.SCHEMA_REGISTRY_URL || 'http://localhost:8081',
    topics: [],
    allTopics: false,
    fromBeginning: false,
    exitAtEnd: false,
    expect: null,
    timeoutMs: null,
    checkSchemas: null,
    json: false,
  };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const value = () => {
      if (i + 1 >= argv.length) throw new Error(`${arg} needs a value`);
      return argv[++i];
    };
    switch (arg) {
      case '--bootstrap': opts.bootstrap = value(); break;
      case '--registry': opts.registry = value(); break;
      case '--topic': opts.topics.push(value()); break;
      case '--all-topics': opts.allTopics = true; break;
      case '--from-beginning': opts.fromBeginning = true; break;
      case '--exit-at-end': opts.exitAtEnd = true; break;
      case '--expect': opts.expect = Number(value()); break;
      case '--timeout-ms': opts.timeoutMs = Number(value()); break;
      case '--check-schemas': opts.checkSchemas = value(); break;
      case '--json': opts.json = true; break;
      case '-h': case '--help': console.log(USAGE); process.exit(0); break;
      default: throw new Error(`unknown option ${arg}`);
    }
  }
  if (opts.topics.length === 0 && !opts.allTopics) {
    opts.topics = ['news.articles.enriched', 'news.casualties'];
  }
  if ((opts.expect !== null || opts.exitAtEnd) && opts.timeoutMs === null) {
    opts.timeoutMs = 120000;
  }
  return opts;
}

/** JSON for a decoded avsc value: Buffers (Avro bytes) as base64, Longs as numbers. */
function toJson(value) {
  return JSON.stringify(value, (key, v) => {
    if (v && v.type === 'Buffer' && Array.isArray(v.data)) return Buffer.from(v.data).toString('base64');
    return v;
  });
}

/** One human line per record: what a downstream service would look at. */
function summary(topic, value) {
  switch (topic) {
    case 'news.articles.enriched':
      return `${value.article.title} | ${value.entities.length} entities, ${value.casualties.length} figures`
        + value.casualties.map((f) => `\n    ${f.category} ${f.qualifier} ${f.count}${f.subject ? ` — ${f.subject}` : ''}`
          + `${f.attribution ? ` (${f.attribution})` : ''}`).join('');
    case 'news.casualties':
      return `${value.figure.category} ${value.figure.qualifier} ${value.figure.count}`
        + `${value.figure.subject ? ` — ${value.figure.subject}` : ''} | ${value.articleTitle}`
        + ` | places: ${value.places.map((p) => p.name).join(', ') || '-'}`;
    case 'news.entities':
      return `${value.entity.type} ${value.entity.name} (${value.entity.id}) | ${value.articleTitle}`;
    case 'news.articles.raw':
      return `${value.title} | ${value.source}`;
    case 'news.articles.dlq':
      return `${value.stage} ${value.sourceTopic}-${value.sourcePartition}@${value.sourceOffset}: ${value.error}`;
    default:
      return toJson(value).slice(0, 200);
  }
}

function headersOf(message) {
  const out = {};
  for (const [name, raw] of Object.entries(message.headers || {})) {
    out[name] = Buffer.isBuffer(raw) ? raw.toString('utf8') : String(raw);
  }
  return out;
}

/** The published schema files answer the project's own ids: look each one up under its subject. */
async function checkSchemas(registry, topics, dir) {
  let failed = 0;
  for (const topic of topics) {
    const subject = `${topic}-value`;
    let latestId;
    try {
      latestId = await registry.getLatestSchemaId(subject);
    } catch (e) {
      console.log(`schema ${subject}: no registered version (${e.message}); skipped`);
      continue;
    }
    const latest = await registry.getSchema(latestId);
    const file = path.join(dir, `${latest.name.split('.').pop()}.avsc`);
    if (!fs.existsSync(file)) {
      console.log(`schema ${subject}: FAILED, no published file ${file}`);
      failed++;
      continue;
    }
    const published = JSON.parse(fs.readFileSync(file, 'utf8'));
    try {
      const id = await registry.getRegistryIdBySchema(subject, { type: SchemaType.AVRO, schema: JSON.stringify(published) });
      const ok = id === latestId;
      console.log(`schema ${subject}: ${path.basename(file)} is id ${id}${ok ? ' = latest' : `, but latest is ${latestId}: FAILED`}`);
      if (!ok) failed++;
    } catch (e) {
      console.log(`schema ${subject}: FAILED, ${path.basename(file)} is not registered there: ${e.message}`);
      failed++;
    }
  }
  return failed;
}

async function main() {
  let opts;
  try {
    opts = parseArgs(process.argv.slice(2));
  } catch (e) {
    console.error(`error: ${e.message}\n${USAGE}`);
    return 2;
  }
  const kafka = new Kafka({ clientId: 'newsflow-node-example', brokers: opts.bootstrap.split(','), logLevel: logLevel.ERROR });
  const registry = new SchemaRegistry({ host: opts.registry });
  const admin = kafka.admin();
  await admin.connect();
  let topics = opts.topics;
  let ends;
  try {
    if (opts.allTopics) {
      topics = (await admin.listTopics()).filter((t) => t.startsWith('news.')).sort();
    }
    // the end of each partition now: with --exit-at-end the run stops once it has read that far
    ends = new Map();
    for (const topic of topics) {
      for (const p of await admin.fetchTopicOffsets(topic)) {
        ends.set(`${topic}/${p.partition}`, { end: Number(p.high), start: Number(p.low) });
      }
    }
  } finally {
    await admin.disconnect();
  }

  let failed = 0;
  if (opts.checkSchemas) {
    failed += await checkSchemas(registry, topics, opts.checkSchemas);
  }

  const counts = Object.fromEntries(topics.map((t) => [t, 0]));
  let decoded = 0;
  const pending = new Set([...ends].filter(([, o]) => o.end > o.start).map(([k]) => k));
  const consumer = kafka.consumer({
    groupId: `newsflow-node-example-${process.pid}-${Date.now()}`,
    readUncommitted: false, // isolation.level=read_committed: every output topic is written in transactions
  });
  let finish;
  const finished = new Promise((resolve) => { finish = resolve; });
  const done = () => (opts.expect !== null && decoded >= opts.expect) || (opts.exitAtEnd && pending.size === 0);

  await consumer.connect();
  await consumer.subscribe({ topics, fromBeginning: opts.fromBeginning });
  await consumer.run({
    eachBatch: async ({ batch, heartbeat }) => {
      for (const message of batch.messages) {
        const where = `${batch.topic}-${batch.partition}@${message.offset}`;
        const key = message.key === null ? null : message.key.toString('utf8');
        if (message.value === null) {
          console.log(`${where} key=${key} (tombstone)`);
        } else {
          try {
            const value = await registry.decode(message.value);
            counts[batch.topic] += 1;
            decoded += 1;
            const headers = headersOf(message);
            const shown = opts.json ? toJson(value) : summary(batch.topic, value);
            console.log(`${where} key=${key}${Object.keys(headers).length ? ` headers=${JSON.stringify(headers)}` : ''} ${shown}`);
          } catch (e) {
            failed += 1;
            console.log(`${where} key=${key} CANNOT DECODE: ${e.name}: ${e.message}`);
          }
        }
        await heartbeat();
      }
      const partitionKey = `${batch.topic}/${batch.partition}`;
      const end = ends.get(partitionKey);
      // lastOffset() counts the transaction markers kafkajs skipped, so it reaches end - 1
      if (end && Number(batch.lastOffset()) + 1 >= end.end) pending.delete(partitionKey);
      if (done() || failed > 0) finish();
    },
  });
  if (done()) finish();
  const timer = opts.timeoutMs ? setTimeout(() => finish('timeout'), opts.timeoutMs) : null;
  const stop = () => finish('interrupted');
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  const why = await finished;
  if (timer) clearTimeout(timer);
  await consumer.disconnect();

  const perTopic = Object.entries(counts).map(([t, n]) => `${t}=${n}`).join(', ');
  console.log(`decoded ${decoded} records (${perTopic}), failed ${failed}`);
  if (why === 'timeout') {
    console.log(`error: timed out after ${opts.timeoutMs} ms`
      + (opts.expect !== null ? ` with ${decoded} of ${opts.expect} records` : ` before the end of ${[...pending].join(', ')}`));
    return 1;
  }
  return failed > 0 ? 1 : 0;
}

main().then((code) => process.exit(code), (e) => {
  console.error(`error: ${e.stack || e}`);
  process.exit(2);
});
