package dev.phoneverify.emulator;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A Vonage error answer raised while reading a request (missing or invalid parameter, bad credentials); the
 * boundary turns it into the JSON body Vonage sends, with HTTP 200.
 */
final class ApiError extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final String status;

    ApiError(String status, String errorText) {
        super(errorText, null, false, false);
        this.status = status;
    }

    static ApiError missing(String parameter) {
        return new ApiError("2", "Missing " + parameter);
    }

    static ApiError invalid(String parameter) {
        return new ApiError("3", "Invalid value for param: " + parameter);
    }

    Map<String, Object> body() {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", status);
        body.put("error_text", getMessage());
        return body;
    }
}
