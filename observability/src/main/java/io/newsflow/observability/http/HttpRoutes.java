package io.newsflow.observability.http;

import io.javalin.config.RoutesConfig;

/**
 * A group of routes that a service's package adds to its {@link ServiceHttpServer}, e.g. the
 * processor's interactive-query API under {@code /api/}:
 *
 * <pre>
 * public final class StoriesApi implements HttpRoutes {
 *     public void addTo(RoutesConfig routes) {
 *         routes.get("/api/stories/{id}", ctx -&gt; ctx.json(lookup(ctx.pathParam("id"))));
 *         routes.sse("/api/stream", client -&gt; { client.keepAlive(); subscribers.add(client); });
 *     }
 * }
 * </pre>
 *
 * Javalin 7 takes every route before the server starts, so routes are added through the builder
 * ({@link ServiceHttpServer.Builder#routes}), never to a running server. The server's own paths
 * ({@code /health/live}, {@code /health/ready}, {@code /metrics}) are taken; adding one of them
 * again fails at start.
 */
@FunctionalInterface
public interface HttpRoutes {
    void addTo(RoutesConfig routes);
}
