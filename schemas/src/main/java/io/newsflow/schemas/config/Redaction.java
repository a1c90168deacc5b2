package io.newsflow.schemas.config;

import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.config.ConfigDef;

/**
 * The one way a configuration is shown to people (logs, error messages): secrets replaced by
 * {@value #HIDDEN}. A key is secret when Kafka itself types it as a password (every
 * {@code ssl.*.password}, {@code sasl.jaas.config}, ... of the producer, consumer and admin
 * client), or when its name says so ({@code password}, {@code secret}, {@code token},
 * {@code credentials}, {@code jaas}, {@code user.info} as in the registry's
 * {@code basic.auth.user.info}, a private {@code .key}). Credentials written into a URL
 * ({@code https://user:pass@registry:8081}) are hidden in any value.
 */
public final class Redaction {
    public static final String HIDDEN = "[hidden]";

    private static final Set<String> KAFKA_PASSWORDS = Stream.of(
                    ProducerConfig.configDef(), ConsumerConfig.configDef(), AdminClientConfig.configDef())
            .flatMap(def -> def.configKeys().values().stream())
            .filter(key -> key.type == ConfigDef.Type.PASSWORD)
            .map(key -> key.name)
            .collect(Collectors.toUnmodifiableSet());
    private static final String[] SECRET_WORDS = {"password", "secret", "token", "credentials", "jaas", "user.info"};
    private static final Pattern URL_CREDENTIALS = Pattern.compile("(?i)([a-z][a-z0-9+.-]*://)[^/@\\s,]+@");

    /** True when the value of {@code key} must never be shown. */
    public static boolean isSecret(String key) {
        if (key == null) {
            return false;
        }
        String k = key.toLowerCase(Locale.ROOT);
        String unprefixed = k.replaceFirst("^(producer|consumer|admin|main\\.consumer|restore\\.consumer|global\\.consumer)\\.", "");
        if (KAFKA_PASSWORDS.contains(k) || KAFKA_PASSWORDS.contains(unprefixed)) {
            return true;
        }
        for (String word : SECRET_WORDS) {
            if (k.contains(word)) {
                return true;
            }
        }
        return k.endsWith(".key");
    }

    /** The value as it may be shown: {@value #HIDDEN} for a secret key, else with URL credentials hidden. */
    public static String redact(String key, String value) {
        if (value == null) {
            return null;
        }
        if (isSecret(key)) {
            return HIDDEN;
        }
        return URL_CREDENTIALS.matcher(value).replaceAll("$1" + HIDDEN.replace("[", "\\[").replace("]", "\\]") + "@");
    }

    /** The configuration as "key=value" lines, sorted by key, every value through {@link #redact}. */
    public static String redacted(Properties props) {
        Map<String, String> sorted = new TreeMap<>();
        props.stringPropertyNames().forEach(key -> sorted.put(key, redact(key, props.getProperty(key))));
        StringBuilder out = new StringBuilder();
        sorted.forEach((key, value) -> out.append(key).append('=').append(value).append('\n'));
        return out.toString();
    }

    /** As {@link #redacted(Properties)}, for a client's config map. */
    public static String redacted(Map<String, ?> config) {
        Properties props = new Properties();
        config.forEach((key, value) -> props.setProperty(key, String.valueOf(value)));
        return redacted(props);
    }

    private Redaction() {
    }
}
