package io.mutua.collaboration;

import jakarta.servlet.http.Cookie;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

/**
 * A buyer's browser over MockMvc, through the whole filter chain: it keeps its cookies (the session, the language),
 * posts forms with the CSRF token of the last page it read, and comes from its own address, as rate limits count
 * per address.
 */
public final class BuyerClient {

    public static final String SESSION_COOKIE = "MUTUA_SESSION";
    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");
    private static final Pattern SIGN_IN_LINK = Pattern.compile("http://localhost:8080(/b/sign-in\\?token=[A-Za-z0-9_-]+)");

    private final MockMvc mvc;
    private final String address;
    private final Map<String, Cookie> cookies = new LinkedHashMap<>();
    private String csrf;

    public BuyerClient(MockMvc mvc) {
        this.mvc = mvc;
        ThreadLocalRandom random = ThreadLocalRandom.current();
        this.address = "10." + random.nextInt(256) + "." + random.nextInt(256) + "." + (1 + random.nextInt(254));
    }

    /** The path of the sign-in link in an email body. */
    public static String linkIn(String mailBody) {
        Matcher link = SIGN_IN_LINK.matcher(mailBody);
        if (!link.find()) {
            throw new AssertionError("no sign-in link in: " + mailBody);
        }
        return link.group(1);
    }

    public static String tokenOf(String link) {
        return link.substring(link.indexOf("token=") + "token=".length());
    }

    public MockHttpServletResponse get(String path) throws Exception {
        return send(MockMvcRequestBuilders.get(path));
    }

    public MockHttpServletResponse htmx(String path) throws Exception {
        return send(MockMvcRequestBuilders.get(path).header("HX-Request", "true"));
    }

    /** Posts a form with the CSRF token of the last page read; {@code fields} are name, value, name, value… */
    public MockHttpServletResponse post(String path, String... fields) throws Exception {
        MockHttpServletRequestBuilder request = form(path, fields);
        if (csrf != null) {
            request.param("_csrf", csrf);
        }
        return send(request);
    }

    /** Posts a form as htmx does: with the CSRF token of the last page read and the HX-Request header. */
    public MockHttpServletResponse htmxPost(String path, String... fields) throws Exception {
        MockHttpServletRequestBuilder request = form(path, fields).header("HX-Request", "true");
        if (csrf != null) {
            request.param("_csrf", csrf);
        }
        return send(request);
    }

    public MockHttpServletResponse postWithoutCsrf(String path, String... fields) throws Exception {
        return send(form(path, fields));
    }

    /** Opens a magic link and presses "Open the plan"; the response is where that leads. */
    public MockHttpServletResponse signInWith(String link) throws Exception {
        get(link);
        return post("/b/sign-in", "token", tokenOf(link));
    }

    public String sessionId() {
        Cookie session = cookies.get(SESSION_COOKIE);
        return session == null ? null : session.getValue();
    }

    public void forgetCookies() {
        cookies.clear();
    }

    public void useCookie(String name, String value) {
        cookies.put(name, new Cookie(name, value));
    }

    private static MockHttpServletRequestBuilder form(String path, String... fields) {
        MockHttpServletRequestBuilder request = MockMvcRequestBuilders.post(path).contentType("application/x-www-form-urlencoded");
        for (int i = 0; i + 1 < fields.length; i += 2) {
            request.param(fields[i], fields[i + 1]);
        }
        return request;
    }

    private MockHttpServletResponse send(MockHttpServletRequestBuilder request) throws Exception {
        request.with(r -> {
            r.setRemoteAddr(address);
            return r;
        });
        if (!cookies.isEmpty()) {
            request.cookie(cookies.values().toArray(Cookie[]::new));
        }
        MockHttpServletResponse response = mvc.perform(request).andReturn().getResponse();
        Arrays.stream(response.getCookies()).forEach(cookie -> {
            if (cookie.getMaxAge() == 0) {
                cookies.remove(cookie.getName());
            } else {
                cookies.put(cookie.getName(), cookie);
            }
        });
        String body = response.getContentAsString();
        Matcher token = CSRF.matcher(body);
        if (token.find()) {
            csrf = token.group(1);
        }
        return response;
    }
}
