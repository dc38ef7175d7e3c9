package io.mutua.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.mutua.IntegrationTest;
import io.mutua.TestData;
import jakarta.servlet.http.Cookie;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

@IntegrationTest
class LoginIntegrationTest {

    private static final String SESSION = "MUTUA_SESSION";

    @Autowired
    MockMvc mvc;
    @Autowired
    TestData data;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    SetupService setup;

    TestData.Seller rep;

    @BeforeEach
    void aRep() {
        rep = data.user("REP", data.team("Login"));
    }

    @Test
    void signsInWithEmailAndPasswordAndGetsANewSession() throws Exception {
        MvcResult before = mvc.perform(get("/login")).andReturn();
        Cookie anonymous = before.getResponse().getCookie(SESSION);

        MvcResult login = signIn(rep.email().toUpperCase(), TestData.PASSWORD, anonymous);
        assertThat(login.getResponse().getRedirectedUrl()).isEqualTo("/");
        Cookie session = login.getResponse().getCookie(SESSION);
        assertThat(session).isNotNull();
        if (anonymous != null) {
            assertThat(session.getValue()).as("session fixation protection").isNotEqualTo(anonymous.getValue());
        }

        mvc.perform(get("/deals").cookie(session))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString(rep.name())));
    }

    @Test
    void aWrongPasswordIsRefusedWithoutSayingWhichPartWasWrong() throws Exception {
        assertThat(signIn(rep.email(), "wrong password!", null).getResponse().getRedirectedUrl())
                .isEqualTo("/login?error");
        assertThat(signIn("nobody-" + TestData.unique() + "@test.mutua.io", "whatever123", null)
                .getResponse().getRedirectedUrl()).isEqualTo("/login?error");
        mvc.perform(get("/login").param("error", ""))
                .andExpect(content().string(Matchers.containsString("The email or password is not right.")));
    }

    @Test
    void repeatedFailuresPauseSignInForThatEmailEvenWithTheRightPassword() throws Exception {
        for (int i = 0; i < 5; i++) {
            signIn(rep.email(), "wrong password " + i, null);
        }
        assertThat(signIn(rep.email(), TestData.PASSWORD, null).getResponse().getRedirectedUrl())
                .isEqualTo("/login?locked");

        String unknown = "ghost-" + TestData.unique() + "@test.mutua.io";
        for (int i = 0; i < 5; i++) {
            signIn(unknown, "wrong password " + i, null);
        }
        assertThat(signIn(unknown, "still wrong", null).getResponse().getRedirectedUrl())
                .as("an unknown email looks the same as a known one").isEqualTo("/login?locked");

        TestData.Seller other = data.user("REP", null);
        assertThat(signIn(other.email(), TestData.PASSWORD, null).getResponse().getRedirectedUrl())
                .as("other emails are not affected").isEqualTo("/");
    }

    @Test
    void theChosenLanguageIsRememberedWithTheAccount() throws Exception {
        Cookie session = signIn(rep.email(), TestData.PASSWORD, null).getResponse().getCookie(SESSION);
        mvc.perform(post("/language").with(csrf()).cookie(session).param("lang", "el").param("back", "/deals"))
                .andExpect(redirectedUrl("/deals"))
                .andExpect(header().string("Set-Cookie", Matchers.containsString("MUTUA_LANG=el")));
        assertThat(jdbc.sql("select locale from app_user where id = :id").param("id", rep.id())
                .query(String.class).single()).isEqualTo("el");

        MvcResult otherDevice = signIn(rep.email(), TestData.PASSWORD, null);
        Cookie language = otherDevice.getResponse().getCookie("MUTUA_LANG");
        assertThat(language).isNotNull();
        assertThat(language.getValue()).isEqualTo("el");
        mvc.perform(get("/deals").cookie(otherDevice.getResponse().getCookie(SESSION), language))
                .andExpect(content().string(Matchers.containsString("Συμφωνίες")))
                .andExpect(content().string(Matchers.containsString("lang=\"el\"")));
    }

    @Test
    void anonymousVisitorsCanSwitchLanguageButNeverBeRedirectedAway() throws Exception {
        mvc.perform(post("/language").with(csrf()).param("lang", "el").param("back", "https://evil.example"))
                .andExpect(redirectedUrl("/"))
                .andExpect(header().string("Set-Cookie", Matchers.containsString("MUTUA_LANG=el")));
        mvc.perform(get("/login").cookie(new Cookie("MUTUA_LANG", "el")))
                .andExpect(content().string(Matchers.containsString("Σύνδεση")));
        mvc.perform(get("/login").header("Accept-Language", "el-GR,el;q=0.9"))
                .andExpect(content().string(Matchers.containsString("Σύνδεση")));
        mvc.perform(get("/login").header("Accept-Language", "fr-FR"))
                .andExpect(content().string(Matchers.containsString("Sign in")));
    }

    @Test
    void signingOutEndsTheSession() throws Exception {
        Cookie session = signIn(rep.email(), TestData.PASSWORD, null).getResponse().getCookie(SESSION);
        mvc.perform(post("/logout").with(csrf()).cookie(session)).andExpect(redirectedUrl("/login?logout"));
        mvc.perform(get("/deals").cookie(session)).andExpect(status().is3xxRedirection())
                .andExpect(header().string("Location", Matchers.endsWith("/login")));
    }

    @Test
    void formsWithoutTheCsrfTokenAreRejected() throws Exception {
        mvc.perform(post("/profile").with(SignIn.as(rep)).param("name", "Changed").param("version", "0"))
                .andExpect(status().isForbidden());
        assertThat(jdbc.sql("select name from app_user where id = :id").param("id", rep.id())
                .query(String.class).single()).isEqualTo(rep.name());
    }

    @Test
    void pagesCarryStrictSecurityHeaders() throws Exception {
        mvc.perform(get("/login"))
                .andExpect(header().string("Content-Security-Policy", Matchers.allOf(
                        Matchers.containsString("script-src 'self'"), Matchers.containsString("frame-ancestors 'none'"),
                        Matchers.not(Matchers.containsString("unsafe-inline")))))
                .andExpect(header().string("X-Content-Type-Options", "nosniff"))
                .andExpect(header().string("X-Frame-Options", "DENY"))
                .andExpect(header().string("Referrer-Policy", "same-origin"));
    }

    @Test
    void staticFilesAreAddressedByContentAndCachedForAYearWithoutSigningIn() throws Exception {
        String page = mvc.perform(get("/login")).andReturn().getResponse().getContentAsString();
        Matcher assets = Pattern.compile("(?:href|src)=\"(/(?:css|js|favicon|webjars)[^\"]+)\"").matcher(page);
        int found = 0;
        while (assets.find()) {
            found++;
            assertThat(assets.group(1)).matches(".*(-[0-9a-f]{32}\\.\\w+|/\\d+\\.\\d+\\.\\d+/.*)");
            mvc.perform(get(assets.group(1))).andExpect(status().isOk())
                    .andExpect(header().string("Cache-Control", Matchers.containsString("max-age=31536000")));
        }
        assertThat(found).as("stylesheet, icon, htmx, its live-update extension and our script").isEqualTo(5);
    }

    @Test
    void healthAnswersEvenBeforeSetup() throws Exception {
        data.wipe();
        mvc.perform(get("/actuator/health")).andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("UP")));
    }

    @Test
    void environmentVariablesCreateTheFirstAdminOnAFreshInstallation() throws Exception {
        data.wipe();
        assertThatThrownBy(() -> new AdminBootstrap(setup, "ops@example.org", "short").run(null))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("MUTUA_ADMIN_PASSWORD");

        new AdminBootstrap(setup, "ops@example.org", "from the environment").run(null);
        assertThat(jdbc.sql("select role from app_user where email = 'ops@example.org'").query(String.class).single())
                .isEqualTo("ADMIN");
        assertThat(signIn("ops@example.org", "from the environment", null).getResponse().getRedirectedUrl())
                .isEqualTo("/");

        new AdminBootstrap(setup, "second@example.org", "from the environment").run(null);
        assertThat(jdbc.sql("select count(*) from app_user").query(Long.class).single())
                .as("only on a fresh installation").isEqualTo(1);
    }

    private MvcResult signIn(String email, String password, Cookie session) throws Exception {
        var request = post("/login").with(csrf()).param("email", email).param("password", password);
        if (session != null) {
            request.cookie(session);
        }
        return mvc.perform(request).andReturn();
    }
}
