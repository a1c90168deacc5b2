package io.newsflow.schemas.registry;

/**
 * A Schema Registry call that failed, with the registry's error code (e.g. 40403 schema not
 * found) and the HTTP status, or -1 when the registry could not be reached at all.
 *
 * <p>One class rather than a hierarchy, so code that records the exception class (the processor's
 * dead letters) sees a stable name; branch on {@link #errorCode()} or the {@code isXxx()} helpers.
 * The codes are Confluent Schema Registry's:
 * <pre>
 * 40401 subject not found          40402 version not found       40403 schema not found
 * 409   incompatible schema        42201 invalid schema          42202 invalid version
 * 42203 invalid compatibility level
 * 50001 error in the backend store 50002 operation timed out     50003 error forwarding to the primary
 * </pre>
 */
public class SchemaRegistryException extends RuntimeException {
    public static final int SUBJECT_NOT_FOUND = 40401;
    public static final int VERSION_NOT_FOUND = 40402;
    public static final int SCHEMA_NOT_FOUND = 40403;
    public static final int INCOMPATIBLE_SCHEMA = 409;
    public static final int INVALID_SCHEMA = 42201;
    public static final int INVALID_VERSION = 42202;
    public static final int INVALID_COMPATIBILITY_LEVEL = 42203;
    public static final int BACKEND_STORE_ERROR = 50001;
    public static final int OPERATION_TIMEOUT = 50002;
    public static final int FORWARDING_ERROR = 50003;

    private final int errorCode;
    private final int httpStatus;

    public SchemaRegistryException(String message, int errorCode, int httpStatus, Throwable cause) {
        super(message, cause);
        this.errorCode = errorCode;
        this.httpStatus = httpStatus;
    }

    /** Confluent error code (40401 subject not found, 40403 schema not found, 409 incompatible, ...), or -1. */
    public int errorCode() {
        return errorCode;
    }

    /** HTTP status, or -1 when no response came. */
    public int httpStatus() {
        return httpStatus;
    }

    /**
     * True when trying again may succeed: no response, a 5xx from the registry, or 429 (rate
     * limited). False for answers about the request itself (unknown id, incompatible schema, ...).
     */
    public boolean isRetriable() {
        return httpStatus < 0 || httpStatus >= 500 || httpStatus == 429;
    }

    public boolean isSubjectNotFound() {
        return errorCode == SUBJECT_NOT_FOUND;
    }

    public boolean isVersionNotFound() {
        return errorCode == VERSION_NOT_FOUND;
    }

    public boolean isSchemaNotFound() {
        return errorCode == SCHEMA_NOT_FOUND;
    }

    /** Any "not found": subject, version or schema. */
    public boolean isNotFound() {
        return isSubjectNotFound() || isVersionNotFound() || isSchemaNotFound() || httpStatus == 404;
    }

    public boolean isIncompatible() {
        return errorCode == INCOMPATIBLE_SCHEMA;
    }

    public boolean isInvalidSchema() {
        return errorCode == INVALID_SCHEMA;
    }

    /** 401 or 403: the credentials are missing, wrong, or not allowed to do this. */
    public boolean isAuthenticationError() {
        return httpStatus == 401 || httpStatus == 403;
    }

    /** What a Confluent error code means, for messages; {@code null} for codes it does not know. */
    public static String describe(int errorCode) {
        return switch (errorCode) {
            case SUBJECT_NOT_FOUND -> "subject not found";
            case VERSION_NOT_FOUND -> "version not found";
            case SCHEMA_NOT_FOUND -> "schema not found";
            case INCOMPATIBLE_SCHEMA -> "schema is incompatible with an earlier version";
            case INVALID_SCHEMA -> "invalid schema";
            case INVALID_VERSION -> "invalid version";
            case INVALID_COMPATIBILITY_LEVEL -> "invalid compatibility level";
            case BACKEND_STORE_ERROR -> "error in the registry's backend store";
            case OPERATION_TIMEOUT -> "registry operation timed out";
            case FORWARDING_ERROR -> "error forwarding the request to the primary registry";
            case 401 -> "unauthorized: check basic.auth.credentials.source and basic.auth.user.info";
            case 403 -> "forbidden: the credentials may not do this";
            case 429 -> "rate limited";
            default -> null;
        };
    }
}
