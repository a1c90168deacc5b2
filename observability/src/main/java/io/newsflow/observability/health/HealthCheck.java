package io.newsflow.observability.health;

/**
 * A named condition of a service, asked on every {@code /health/*} request: cheap, non-blocking,
 * thread-safe (it runs on the HTTP server's threads while the service works).
 */
@FunctionalInterface
public interface HealthCheck {
    CheckResult check();
}
