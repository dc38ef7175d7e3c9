package io.mutua.collaboration;

import static org.assertj.core.api.Assertions.assertThat;

import io.mutua.TestData;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A seller signed in through the real login form, or a buyer through a magic link, over real HTTP with a cookie
 * jar: for what MockMvc skips, such as the servlet container's multipart parsing and its size limits, and
 * Server-Sent Events streams.
 */
public final class SignedInHttp {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    private final HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager())
            .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(10)).build();
    private final String base;

    private SignedInHttp(int port) {
        this.base = "http://localhost:" + port;
    }

    public static SignedInHttp as(TestData.Seller seller, int port) throws Exception {
        SignedInHttp client = new SignedInHttp(port);
        String token = client.csrfOf("/login");
        HttpResponse<String> login = client.send(HttpRequest.newBuilder(client.uri("/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form(Map.of("email", seller.email(), "password",
                        TestData.PASSWORD, "_csrf", token)))));
        assertThat(login.statusCode()).isEqualTo(302);
        assertThat(login.headers().firstValue("Location").orElse("")).doesNotContain("error");
        return client;
    }

    /** Opens a magic link and presses "Open the plan", as a buyer does. */
    public static SignedInHttp buyer(String linkPath, int port) throws Exception {
        SignedInHttp client = new SignedInHttp(port);
        String token = client.csrfOf(linkPath);
        HttpResponse<String> signIn = client.send(HttpRequest.newBuilder(client.uri("/b/sign-in"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form(Map.of("token", BuyerClient.tokenOf(linkPath),
                        "_csrf", token)))));
        assertThat(signIn.statusCode()).isEqualTo(302);
        assertThat(signIn.headers().firstValue("Location").orElse("")).contains("/b/plans/");
        return client;
    }

    /** The client with this session's cookies, e.g. for {@link EventStream}. */
    public HttpClient client() {
        return http;
    }

    /** The CSRF token of the forms on a page. */
    public String csrfOf(String path) throws Exception {
        HttpResponse<String> page = send(HttpRequest.newBuilder(uri(path)).GET());
        Matcher matcher = CSRF.matcher(page.body());
        assertThat(matcher.find()).as("a form with a CSRF token on %s", path).isTrue();
        return matcher.group(1);
    }

    /** Sends a file as htmx sends an upload form: multipart, with the CSRF token in a header. */
    public HttpResponse<String> upload(String path, String csrf, String fileName, String contentType, byte[] bytes)
            throws Exception {
        String boundary = "----mutua" + UUID.randomUUID();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"stepId\"\r\n\r\n\r\n")
                .getBytes(StandardCharsets.UTF_8));
        body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName
                + "\"\r\nContent-Type: " + contentType + "\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.write(bytes);
        body.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return send(HttpRequest.newBuilder(uri(path))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .header("HX-Request", "true")
                .header("X-CSRF-TOKEN", csrf)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())));
    }

    public HttpResponse<String> get(String path) throws Exception {
        return send(HttpRequest.newBuilder(uri(path)).GET());
    }

    private URI uri(String path) {
        return URI.create(base + path);
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        return http.send(request.timeout(Duration.ofSeconds(60)).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private static String form(Map<String, String> fields) {
        return fields.entrySet().stream()
                .map(field -> URLEncoder.encode(field.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(field.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }
}
