package io.mutua.web;

/**
 * Reads the version a client says it changed from, out of an {@code If-Match} header: {@code 3}, {@code "3"} or
 * {@code W/"3"} (the ETag the API sent). The message keys name the resource, e.g. "the deal you read".
 */
public final class IfMatch {

    private IfMatch() {
    }

    /** The version; 428 when the header is missing, 400 when it is not a version. */
    public static long required(String header, String missingKey, String invalidKey) {
        if (header == null || header.isBlank()) {
            throw new PreconditionRequiredException(missingKey);
        }
        return parse(header, invalidKey);
    }

    /** The version, or null when the client sent none. */
    public static Long optional(String header, String invalidKey) {
        return header == null || header.isBlank() ? null : parse(header, invalidKey);
    }

    private static long parse(String header, String invalidKey) {
        String value = header.trim();
        if (value.startsWith("W/")) {
            value = value.substring(2);
        }
        try {
            return Long.parseLong(value.replace("\"", ""));
        } catch (NumberFormatException e) {
            throw new InvalidInputException("If-Match", invalidKey);
        }
    }
}
