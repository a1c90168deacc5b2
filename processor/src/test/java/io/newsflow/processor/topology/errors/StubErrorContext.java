package io.newsflow.processor.topology.errors;

import io.newsflow.schemas.Topics;
import java.nio.charset.StandardCharsets;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.apache.kafka.streams.processor.TaskId;

/** What Streams tells a handler about the source record: news.articles.raw-2@41. */
final class StubErrorContext implements ErrorHandlerContext {
    static final byte[] KEY = "a1".getBytes(StandardCharsets.UTF_8);
    static final byte[] VALUE = new byte[] {0, 0, 0, 0, 1, 42};

    @Override
    public String topic() {
        return Topics.RAW;
    }

    @Override
    public int partition() {
        return 2;
    }

    @Override
    public long offset() {
        return 41;
    }

    @Override
    public Headers headers() {
        return new RecordHeaders();
    }

    @Override
    public String processorNodeId() {
        return "enrich-articles";
    }

    @Override
    public TaskId taskId() {
        return new TaskId(0, 2);
    }

    @Override
    public long timestamp() {
        return 0;
    }

    @Override
    public byte[] sourceRawKey() {
        return KEY;
    }

    @Override
    public byte[] sourceRawValue() {
        return VALUE;
    }
}
