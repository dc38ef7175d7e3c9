package io.mutua.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import io.mutua.IntegrationTest;
import io.mutua.collaboration.Inbox;
import io.mutua.TestData;
import jakarta.mail.internet.MimeMessage;
import jakarta.servlet.http.Cookie;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

@IntegrationTest
class UserAdminIntegrationTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    TestData data;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    GreenMail mailServer;

    UUID team;
    TestData.Seller admin;

    @BeforeEach
    void anAdmin() {
        team = data.team("Admin tests");
        admin = data.user("ADMIN", null);
    }

    @Test
    void anAdminAddsAUserWhoIsWelcomedByEmailWithoutThePassword() throws Exception {
        String email = "new-" + TestData.unique() + "@test.mutua.io";
        mvc.perform(post("/admin/users").with(SignIn.as(admin)).with(csrf())
                        .param("name", "Nadia New").param("email", email).param("role", "REP")
                        .param("teamId", team.toString()).param("password", "initial password 1"))
                .andExpect(status().is3xxRedirection());

        assertThat(jdbc.sql("select role || ' ' || team_id from app_user where email = :email").param("email", email)
                .query(String.class).single()).isEqualTo("REP " + team);

        MimeMessage welcome = Awaitility.await().atMost(Duration.ofSeconds(10))
                .until(() -> mailTo(email), Optional::isPresent).orElseThrow();
        String body = GreenMailUtil.getBody(welcome);
        assertThat(welcome.getSubject()).isEqualTo("Your Mutua account is ready");
        assertThat(body).contains("Nadia New", admin.name(), "http://localhost:8080/login")
                .doesNotContain("initial password 1");
    }

    @Test
    void aDuplicateEmailIsExplainedAndTheFormKeepsWhatWasTyped() throws Exception {
        TestData.Seller existing = data.user("REP", team);
        mvc.perform(post("/admin/users").with(SignIn.as(admin)).with(csrf())
                        .param("name", "Someone Else").param("email", existing.email().toUpperCase())
                        .param("role", "REP").param("password", "initial password 1"))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("A user with this email already exists.")))
                .andExpect(content().string(Matchers.containsString("value=\"Someone Else\"")));
    }

    @Test
    void onlyAdminsManageUsers() throws Exception {
        TestData.Seller manager = data.user("MANAGER", team);
        mvc.perform(get("/admin/users").with(SignIn.as(manager))).andExpect(status().isForbidden());
        mvc.perform(post("/admin/users").with(SignIn.as(manager)).with(csrf())
                .param("name", "X").param("email", "x-" + TestData.unique() + "@test.mutua.io")
                .param("role", "ADMIN").param("password", "initial password 1")).andExpect(status().isForbidden());
        mvc.perform(get("/admin/users").with(SignIn.as(admin))).andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString(manager.name())));
    }

    @Test
    void deactivatingAUserSignsThemOutAndKeepsThemOut() throws Exception {
        TestData.Seller rep = data.user("REP", team);
        Cookie session = mvc.perform(post("/login").with(csrf()).param("email", rep.email())
                .param("password", TestData.PASSWORD)).andReturn().getResponse().getCookie("MUTUA_SESSION");
        mvc.perform(get("/deals").cookie(session)).andExpect(status().isOk());

        mvc.perform(post("/admin/users/" + rep.id()).with(SignIn.as(admin)).with(csrf())
                        .param("name", rep.name()).param("role", "REP").param("teamId", team.toString())
                        .param("_active", "on").param("version", "0"))
                .andExpect(status().is3xxRedirection());

        mvc.perform(get("/deals").cookie(session)).andExpect(status().is3xxRedirection());
        assertThat(mvc.perform(post("/login").with(csrf()).param("email", rep.email())
                .param("password", TestData.PASSWORD)).andReturn().getResponse().getRedirectedUrl())
                .isEqualTo("/login?error");
    }

    @Test
    void theOnlyAdminCannotLockThemselvesOut() throws Exception {
        mvc.perform(post("/admin/users/" + admin.id()).with(SignIn.as(admin)).with(csrf())
                        .param("name", admin.name()).param("role", "REP").param("active", "true")
                        .param("version", "0"))
                .andExpect(content().string(Matchers.containsString(
                        "You cannot remove your own admin rights or deactivate yourself.")));
        assertThat(role(admin.id())).isEqualTo("ADMIN");
    }

    @Test
    void aStaleEditOverwritesNothing() throws Exception {
        TestData.Seller rep = data.user("REP", team);
        mvc.perform(post("/admin/users/" + rep.id()).with(SignIn.as(admin)).with(csrf())
                .param("name", "First Edit").param("role", "MANAGER").param("active", "true").param("version", "0"))
                .andExpect(status().is3xxRedirection());
        mvc.perform(post("/admin/users/" + rep.id()).with(SignIn.as(admin)).with(csrf())
                        .param("name", "Second Edit").param("role", "CS").param("active", "true")
                        .param("version", "0"))
                .andExpect(content().string(Matchers.containsString("Someone else changed this in the meantime.")))
                .andExpect(content().string(Matchers.containsString("value=\"Second Edit\"")));
        assertThat(role(rep.id())).isEqualTo("MANAGER");
    }

    @Test
    void usersManageTheirOwnApiTokens() throws Exception {
        TestData.Seller rep = data.user("REP", team);
        String page = mvc.perform(post("/profile/tokens").with(SignIn.as(rep)).with(csrf()).param("name", "CRM sync"))
                .andExpect(status().is3xxRedirection()).andReturn().getFlashMap().get("newToken").toString();
        assertThat(page).startsWith("mutua_");
        assertThat(jdbc.sql("select count(*) from api_token where user_id = :id and token_hash = :hash")
                .param("id", rep.id()).param("hash", ApiTokens.hash(page)).query(Long.class).single())
                .as("stored only as a hash").isEqualTo(1);
        UUID tokenId = jdbc.sql("select id from api_token where user_id = :id").param("id", rep.id())
                .query(UUID.class).single();

        TestData.Seller other = data.user("REP", team);
        mvc.perform(post("/profile/tokens/" + tokenId + "/revoke").with(SignIn.as(other)).with(csrf()))
                .andExpect(status().isNotFound());
        mvc.perform(post("/profile/tokens/" + tokenId + "/revoke").with(SignIn.as(rep)).with(csrf()))
                .andExpect(status().is3xxRedirection());
        assertThat(jdbc.sql("select revoked_at is not null from api_token where id = :id").param("id", tokenId)
                .query(Boolean.class).single()).isTrue();
    }

    private Optional<MimeMessage> mailTo(String email) {
        return new Inbox(mailServer).of(email).stream().findFirst();
    }

    private String role(UUID id) {
        return jdbc.sql("select role from app_user where id = :id").param("id", id).query(String.class).single();
    }
}
