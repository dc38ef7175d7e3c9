package io.mutua;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Talks to the running application over real HTTP, the way an API client would. */
public final class ApiClient {

    public static final JsonMapper JSON = JsonMapper.builder().build();

    private final HttpClient http = HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(10))
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();
    private final String base;

    public ApiClient(int port) {
        this.base = "http://localhost:" + port;
    }

    /** A request under construction; nothing is sent until {@link #send()}. */
    public final class Call {

        private final String method;
        private final String path;
        private final List<String> headers = new ArrayList<>();
        private String body;

        private Call(String method, String path) {
            this.method = method;
            this.path = path;
        }

        public Call bearer(String token) {
            return header("Authorization", "Bearer " + token);
        }

        public Call basic(String user, String password) {
            String pair = user + ":" + password;
            return header("Authorization",
                    "Basic " + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8)));
        }

        public Call header(String name, String value) {
            headers.add(name);
            headers.add(value);
            return this;
        }

        /** A raw body, sent as {@code application/json} unless a Content-Type header is set. */
        public Call body(String raw) {
            this.body = raw;
            return this;
        }

        /** A body serialized from a map, record or node. */
        public Call json(Object value) {
            return body(JSON.writeValueAsString(value));
        }

        public Response send() {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
                    .timeout(Duration.ofSeconds(30));
            boolean contentType = false;
            for (int i = 0; i < headers.size(); i += 2) {
                request.header(headers.get(i), headers.get(i + 1));
                contentType |= headers.get(i).equalsIgnoreCase("Content-Type");
            }
            if (body != null && !contentType) {
                request.header("Content-Type", "application/json");
            }
            request.method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
            try {
                HttpResponse<String> response = http.send(request.build(),
                        HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
                return new Response(response.statusCode(), response, response.body());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    public Call get(String path) {
        return new Call("GET", path);
    }

    public Call post(String path) {
        return new Call("POST", path);
    }

    public Call patch(String path) {
        return new Call("PATCH", path);
    }

    public Call method(String method, String path) {
        return new Call(method, path);
    }

    /** Mints a personal API token for an email and password, failing the test if that does not work. */
    public String token(String email, String password) {
        Response response = post("/api/v1/tokens").basic(email, password).send();
        assertThat(response.status()).as(response.body()).isEqualTo(201);
        return response.json().path("token").asString();
    }

    public record Response(int status, HttpResponse<String> raw, String body) {

        public JsonNode json() {
            assertThat(body).as("response body").isNotBlank();
            return JSON.readTree(body);
        }

        public Optional<String> header(String name) {
            return raw.headers().firstValue(name);
        }

        public String contentType() {
            return header("Content-Type").orElse("");
        }

        /** Asserts an RFC 9457 problem with this status and no internals in the body; returns the body. */
        public JsonNode problem(int expectedStatus) {
            assertThat(status).as("status of a response with body %s", body).isEqualTo(expectedStatus);
            assertThat(contentType()).startsWith("application/problem+json");
            assertNoInternals();
            JsonNode problem = json();
            assertThat(problem.path("status").asInt()).isEqualTo(expectedStatus);
            assertThat(problem.path("type").isString()).as("type in %s", body).isTrue();
            assertThat(problem.path("title").asString()).as("title in %s", body).isNotBlank();
            assertThat(problem.path("detail").asString()).as("detail in %s", body).isNotBlank();
            return problem;
        }

        /** Asserts a 400 problem whose {@code errors} name exactly these fields, each with a message. */
        public JsonNode fieldProblem(String... fields) {
            JsonNode problem = problem(400);
            List<String> named = new ArrayList<>();
            for (JsonNode error : problem.path("errors")) {
                named.add(error.path("field").asString());
                assertThat(error.path("message").asString()).as("message in %s", body).isNotBlank();
            }
            assertThat(named.stream().distinct().toList()).as("fields named in %s", body)
                    .containsExactlyInAnyOrder(fields);
            return problem;
        }

        public void assertNoInternals() {
            assertThat(status).as("never a server error: %s", body).isLessThan(500);
            if (body != null) {
                assertThat(body).doesNotContain("Exception", "at io.", "at org.", "at java.", "\tat ",
                        "SQLState", "org.postgresql");
            }
        }
    }
}
