package io.mutua.web;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import tools.jackson.databind.json.JsonMapper;

/** Writes RFC 9457 problem details where no controller is involved (filters, entry points, /error). */
final class ProblemResponses {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private ProblemResponses() {
    }

    static void write(HttpServletResponse response, HttpStatus status, String detail) throws IOException {
        write(response, status, detail, null);
    }

    /** A problem about one named field, listed under {@code errors} like every field problem of the API. */
    static void write(HttpServletResponse response, HttpStatus status, String detail, String field)
            throws IOException {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", "about:blank");
        body.put("title", status.getReasonPhrase());
        body.put("status", status.value());
        body.put("detail", detail);
        if (field != null) {
            body.put("errors", List.of(Map.of("field", field, "message", detail)));
        }
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        JSON.writeValue(response.getWriter(), body);
    }
}
