package io.newsflow.stack.registry;

/**
 * An error the registry reports to its client, carrying Confluent's {@code error_code} and the HTTP
 * status it goes with, so client libraries that branch on those codes (e.g. "40401 → subject does
 * not exist yet") behave as against Confluent Schema Registry. Codes and messages follow Confluent's
 * ({@code io.confluent.kafka.schemaregistry.rest.exceptions.Errors}); 50003 (error forwarding to the
 * primary) never occurs, since a single embedded registry has no primary to forward to.
 */
final class RegistryException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final int httpStatus;
    private final int errorCode;

    RegistryException(int httpStatus, int errorCode, String message) {
        super(message);
        this.httpStatus = httpStatus;
        this.errorCode = errorCode;
    }

    int httpStatus() {
        return httpStatus;
    }

    int errorCode() {
        return errorCode;
    }

    static RegistryException subjectNotFound(String subject) {
        return new RegistryException(404, 40401, "Subject '" + subject + "' not found.");
    }

    static RegistryException versionNotFound(Object version) {
        return new RegistryException(404, 40402, "Version " + version + " not found.");
    }

    static RegistryException schemaNotFound(String detail) {
        return new RegistryException(404, 40403, detail);
    }

    static RegistryException subjectSoftDeleted(String subject) {
        return new RegistryException(404, 40404, "Subject '" + subject + "' was soft deleted.Set permanent=true to delete permanently");
    }

    static RegistryException subjectNotSoftDeleted(String subject) {
        return new RegistryException(404, 40405, "Subject '" + subject + "' was not deleted first before being permanently deleted");
    }

    static RegistryException versionSoftDeleted(String subject, int version) {
        return new RegistryException(404, 40406, "Subject '" + subject + "' Version " + version
                + " was soft deleted.Set permanent=true to delete permanently");
    }

    static RegistryException versionNotSoftDeleted(String subject, int version) {
        return new RegistryException(404, 40407, "Subject '" + subject + "' Version " + version
                + " was not deleted first before being permanently deleted");
    }

    static RegistryException subjectLevelCompatibilityNotConfigured(String subject) {
        return new RegistryException(404, 40408, "Subject '" + subject + "' does not have subject-level compatibility configured");
    }

    static RegistryException subjectLevelModeNotConfigured(String subject) {
        return new RegistryException(404, 40409, "Subject '" + subject + "' does not have subject-level mode configured");
    }

    static RegistryException invalidMode(String mode) {
        return new RegistryException(422, 42204, "Invalid mode. Valid values are READWRITE, READONLY"
                + (mode == null ? "" : " (got '" + mode + "'; IMPORT and READONLY_OVERRIDE are not supported by this registry)"));
    }

    static RegistryException operationNotPermitted(String message) {
        return new RegistryException(422, 42205, message);
    }

    /** Confluent's message names the schema key: {@code {magic=1,keytype=SCHEMA,subject=s,version=v}}. */
    static RegistryException referenceExists(String subject, int version) {
        return new RegistryException(422, 42206, "One or more references exist to the schema {magic=1,keytype=SCHEMA,subject="
                + subject + ",version=" + version + "}.");
    }

    static RegistryException invalidSchema(String detail) {
        return new RegistryException(422, 42201, "Invalid schema " + detail);
    }

    static RegistryException invalidVersion(String version) {
        return new RegistryException(422, 42202, "The specified version '" + version + "' is not a valid version id. "
                + "Allowed values are between [1, 2^31-1] and the string \"latest\"");
    }

    static RegistryException invalidCompatibilityLevel(String level) {
        return new RegistryException(422, 42203, "Invalid compatibility level. Valid values are none, backward, "
                + "forward, full, backward_transitive, forward_transitive, and full_transitive"
                + (level == null ? "" : " (got '" + level + "')"));
    }

    static RegistryException incompatible(String subject, String details) {
        return new RegistryException(409, 409, "Schema being registered is incompatible with an earlier schema for subject \""
                + subject + "\", details: " + details);
    }

    static RegistryException badRequest(String message) {
        return new RegistryException(400, 400, message);
    }

    static RegistryException notFound(String message) {
        return new RegistryException(404, 404, message);
    }

    static RegistryException methodNotAllowed() {
        return new RegistryException(405, 405, "HTTP 405 Method Not Allowed");
    }

    /** 50001: the backend store (the {@code _schemas} topic) failed. */
    static RegistryException internal(String message) {
        return new RegistryException(500, 50001, message);
    }

    /** 50002: the backend store did not answer in time; the write may or may not have happened. */
    static RegistryException timeout(String message) {
        return new RegistryException(500, 50002, message);
    }
}
