package io.newsflow.schemas.registry;

/**
 * A Schema Registry call that failed, with the registry's error code (e.g. 40403 schema not
 * found) and the HTTP status, or -1 when the registry could not be reached at all.
 */
public class SchemaRegistryException extends RuntimeException {
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

    /** True when trying again may succeed: no response, or a 5xx from the registry. */
    public boolean isRetriable() {
        return httpStatus < 0 || httpStatus >= 500;
    }
}
