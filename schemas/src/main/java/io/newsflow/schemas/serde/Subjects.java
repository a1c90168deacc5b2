package io.newsflow.schemas.serde;

/** Subject names as Confluent's default TopicNameStrategy forms them. */
public final class Subjects {
    public static String topicName(String topic, boolean isKey) {
        return topic + (isKey ? "-key" : "-value");
    }

    private Subjects() {
    }
}
