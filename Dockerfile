# One image for every newsflow command (process, produce, consume, lag, dlq, offsets, ...).
# Build the jar first: ./mvnw -DskipTests package   (then: docker compose up --build)
FROM eclipse-temurin:17-jre

# curl for the compose healthchecks (GET /health/ready); a non-root user owning the state folders,
# so named volumes mounted there are writable by it
RUN apt-get update \
 && apt-get install -y --no-install-recommends curl \
 && rm -rf /var/lib/apt/lists/* \
 && useradd --system --uid 10001 --home-dir /var/lib/newsflow newsflow \
 && mkdir -p /var/lib/newsflow/state /var/lib/newsflow/producer \
 && chown -R newsflow /var/lib/newsflow

WORKDIR /app
COPY app/target/newsflow.jar /app/newsflow.jar
COPY producer/src/main/resources/samples /app/samples
USER newsflow

# Heap and other JVM options from NEWSFLOW_JAVA_OPTS (the same variable the ./newsflow launcher
# reads); by default a share of the container's memory limit
ENV NEWSFLOW_JAVA_OPTS="-XX:MaxRAMPercentage=75"
ENTRYPOINT ["sh", "-c", "exec java $NEWSFLOW_JAVA_OPTS -jar /app/newsflow.jar \"$@\"", "newsflow"]
