package io.newsflow.stack.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.ServerSocket;

import org.junit.jupiter.api.Test;

/**
 * How the broker's two ports are chosen. A broker restarted on its old client port must never be
 * handed that same port for its controller listener (Kafka refuses to start: "Each listener must
 * have a different port"), and a port someone else holds is refused by name.
 */
class EmbeddedKafkaPortsTest {

    @Test
    void shouldNeverGiveTheControllerTheClientPortItWasAskedFor() throws Exception {
        int fixed;
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getByName("localhost"))) {
            fixed = probe.getLocalPort();
        }
        // the port was just released, which is what made the OS offer it again for the controller
        for (int i = 0; i < 200; i++) {
            int[] ports = EmbeddedKafka.reservePorts(fixed);
            assertThat(ports[0]).isEqualTo(fixed);
            assertThat(ports[1]).isNotEqualTo(fixed).isPositive();
        }
    }

    @Test
    void shouldPickTwoDifferentFreePortsWhenAskedForAny() {
        for (int i = 0; i < 200; i++) {
            int[] ports = EmbeddedKafka.reservePorts(0);
            assertThat(ports[0]).isPositive().isNotEqualTo(ports[1]);
            assertThat(ports[1]).isPositive();
        }
    }

    @Test
    void shouldRefuseAPortThatIsTakenNamingIt() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getByName("localhost"))) {
            int port = taken.getLocalPort();
            assertThatThrownBy(() -> EmbeddedKafka.reservePorts(port))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("Kafka port " + port)
                    .hasMessageContaining("already in use");
        }
    }
}
