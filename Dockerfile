# One image for the three services; build the jar first: ./mvnw -DskipTests package
FROM eclipse-temurin:17-jre
WORKDIR /app
COPY app/target/newsflow.jar /app/newsflow.jar
COPY producer/src/main/resources/samples /app/samples
ENTRYPOINT ["java", "-jar", "/app/newsflow.jar"]
