package io.newsflow.schemas.serde;

import java.nio.ByteBuffer;
import org.apache.kafka.common.errors.SerializationException;

/**
 * Confluent's wire format: magic byte 0, then the 4-byte big-endian schema id, then the Avro
 * binary encoding of the value.
 */
public final class WireFormat {
    public static final byte MAGIC_BYTE = 0;
    public static final int HEADER_SIZE = 5;

    /** The schema id in a framed payload; fails clearly on anything that is not in the wire format. */
    public static int schemaId(String topic, byte[] data) {
        if (data.length < HEADER_SIZE) {
            throw new SerializationException("record on topic '" + topic + "' is " + data.length
                    + " bytes, too short for the Confluent Avro wire format (magic byte + 4-byte schema id)");
        }
        if (data[0] != MAGIC_BYTE) {
            throw new SerializationException(String.format(
                    "record on topic '%s' is not in the Confluent Avro wire format: first byte is 0x%02x, expected magic byte 0x00",
                    topic, data[0] & 0xff));
        }
        return ByteBuffer.wrap(data, 1, 4).getInt();
    }

    private WireFormat() {
    }
}
