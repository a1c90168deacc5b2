package io.newsflow.processor.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A restarted instance must be the same group member: its id lives in its state directory. */
class InstanceIdentityTest {
    @TempDir
    Path stateDir;
    @TempDir
    Path otherStateDir;

    private Properties config(Path dir) {
        Properties config = new Properties();
        config.setProperty("application.id", "newsflow-processor");
        config.setProperty("state.dir", dir.toString());
        return config;
    }

    @Test
    void shouldKeepTheSameStaticMemberIdAcrossRestartsFromTheSameStateDirectory() {
        Properties first = config(stateDir);
        InstanceIdentity.apply(first);
        Properties restarted = config(stateDir);
        InstanceIdentity.apply(restarted);
        Properties another = config(otherStateDir);
        InstanceIdentity.apply(another);

        String id = first.getProperty("main.consumer.group.instance.id");
        assertThat(id).startsWith("newsflow-processor-").matches("newsflow-processor-[a-z0-9._-]+-[0-9a-f]{8}");
        assertThat(restarted.getProperty("main.consumer.group.instance.id")).isEqualTo(id);
        assertThat(another.getProperty("main.consumer.group.instance.id")).isNotEqualTo(id);
    }

    @Test
    void shouldUseTheOperatorsNameAndLeaveAnExplicitGroupInstanceIdAlone() {
        Properties named = config(stateDir);
        named.setProperty("newsflow.instance.id", "Processor A");
        InstanceIdentity.apply(named);
        assertThat(named.getProperty("main.consumer.group.instance.id")).isEqualTo("newsflow-processor-processor-a");

        Properties explicit = config(stateDir);
        explicit.setProperty("consumer.group.instance.id", "mine");
        InstanceIdentity.apply(explicit);
        assertThat(explicit.getProperty("main.consumer.group.instance.id")).isNull();

        Properties streamsProtocol = config(stateDir);
        streamsProtocol.setProperty("group.protocol", "streams");
        InstanceIdentity.apply(streamsProtocol);
        assertThat(streamsProtocol.getProperty("main.consumer.group.instance.id")).isNull();
    }
}
