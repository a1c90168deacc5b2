#!/usr/bin/env python3
"""Reads newsflow's topics from Python with Confluent's own client, confluent-kafka.

The values are Avro in Confluent's wire format (magic byte 0, 4-byte schema id, Avro binary);
AvroDeserializer fetches each writer schema from the registry by id. Keys are UTF-8 strings.
Every output topic is written in Kafka transactions, so read with isolation.level=read_committed.

    pip install -r requirements.txt
    python3 consume.py --bootstrap localhost:9092 --registry http://localhost:8081 \\
        --topic news.articles.enriched --topic news.casualties --from-beginning

Exit code: 0 when every record was decoded, 1 when one could not be, 2 on usage errors.
Not run by CI: the build machines reach no Python package index (see README.md).
"""
import argparse
import json
import os
import sys
import uuid

from confluent_kafka import Consumer, KafkaError
from confluent_kafka.schema_registry import SchemaRegistryClient
from confluent_kafka.schema_registry.avro import AvroDeserializer
from confluent_kafka.serialization import MessageField, SerializationContext


def summary(topic, value):
    if topic == "news.articles.enriched":
        figures = "".join(f"\n    {f['category']} {f['qualifier']} {f['count']} {f.get('subject') or ''}"
                          for f in value["casualties"])
        return f"{value['article']['title']} | {len(value['entities'])} entities{figures}"
    if topic == "news.casualties":
        f = value["figure"]
        places = ", ".join(p["name"] for p in value["places"]) or "-"
        return f"{f['category']} {f['qualifier']} {f['count']} | {value['articleTitle']} | places: {places}"
    if topic == "news.entities":
        e = value["entity"]
        return f"{e['type']} {e['name']} ({e['id']}) | {value['articleTitle']}"
    return json.dumps(value, default=str)[:200]


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--bootstrap", default=os.environ.get("KAFKA_BOOTSTRAP_SERVERS", "localhost:9092"))
    parser.add_argument("--registry", default=os.environ.get("SCHEMA_REGISTRY_URL", "http://localhost:8081"))
    parser.add_argument("--topic", action="append", dest="topics")
    parser.add_argument("--from-beginning", action="store_true")
    parser.add_argument("--idle-seconds", type=float, default=0,
                        help="stop after this long without a new record (default: run until Ctrl-C)")
    args = parser.parse_args()
    topics = args.topics or ["news.articles.enriched", "news.casualties"]

    registry = SchemaRegistryClient({"url": args.registry})
    # no reader schema: values come back as dicts in the writer's schema (timestamps as datetime)
    deserializer = AvroDeserializer(registry)
    consumer = Consumer({
        "bootstrap.servers": args.bootstrap,
        "group.id": f"newsflow-python-example-{uuid.uuid4()}",
        "auto.offset.reset": "earliest" if args.from_beginning else "latest",
        "isolation.level": "read_committed",
        "enable.auto.commit": False,
    })
    consumer.subscribe(topics)
    decoded, failed, idle = 0, 0, 0.0
    try:
        while args.idle_seconds == 0 or idle < args.idle_seconds:
            msg = consumer.poll(1.0)
            if msg is None:
                idle += 1.0
                continue
            idle = 0.0
            if msg.error():
                if msg.error().code() != KafkaError._PARTITION_EOF:
                    print(f"error: {msg.error()}", file=sys.stderr)
                continue
            where = f"{msg.topic()}-{msg.partition()}@{msg.offset()}"
            key = msg.key().decode("utf-8") if msg.key() is not None else None
            headers = {k: v.decode("utf-8") for k, v in (msg.headers() or [])}
            try:
                value = deserializer(msg.value(), SerializationContext(msg.topic(), MessageField.VALUE))
            except Exception as e:  # the record is reported and counted; the exit code says so
                failed += 1
                print(f"{where} key={key} CANNOT DECODE: {e!r}")
                continue
            decoded += 1
            print(f"{where} key={key} headers={headers} {summary(msg.topic(), value)}")
    except KeyboardInterrupt:
        pass
    finally:
        consumer.close()
    print(f"decoded {decoded} records, failed {failed}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
