package io.mutua.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.mutua.IntegrationTest;
import io.mutua.TestData;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

@IntegrationTest
class SetupIntegrationTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    TestData data;
    @Autowired
    JdbcClient jdbc;

    @BeforeEach
    void freshInstallation() {
        data.wipe();
    }

    @Test
    void everyPageLeadsToSetupUntilTheFirstAdminExists() throws Exception {
        mvc.perform(get("/")).andExpect(redirectedUrl("/setup"));
        mvc.perform(get("/deals")).andExpect(redirectedUrl("/setup"));
        mvc.perform(get("/login")).andExpect(redirectedUrl("/setup"));
        mvc.perform(get("/setup")).andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("Load sample data")));
    }

    @Test
    void createsTheAdminWithSampleTeamAndAYearOfDeals() throws Exception {
        mvc.perform(setup("ada@example.org", "a long password", "a long password", true))
                .andExpect(redirectedUrl("/login?setup"));

        assertThat(jdbc.sql("select role from app_user where email = 'ada@example.org'").query(String.class).single())
                .isEqualTo("ADMIN");
        assertThat(jdbc.sql("select role from app_user where role <> 'ADMIN' order by role").query(String.class).list())
                .containsExactly("CS", "MANAGER", "REP", "REP");
        assertThat(count("select count(*) from deal")).isBetween(25L, 35L);
        assertThat(count("select count(*) from deal where status = 'WON'")).isPositive();
        assertThat(count("select count(*) from deal where status = 'LOST'")).isPositive();
        assertThat(jdbc.sql("select distinct stage_key from deal").query(String.class).list())
                .contains("prospecting", "discovery", "solution", "proposal", "negotiation", "won", "lost");
        assertThat(count("select count(*) from deal d where not exists "
                + "(select 1 from deal_stage_history h where h.deal_id = d.id)")).isZero();
        Instant oldest = jdbc.sql("select min(changed_at) from deal_stage_history").query(Instant.class).single();
        Instant newest = jdbc.sql("select max(changed_at) from deal_stage_history").query(Instant.class).single();
        assertThat(Duration.between(oldest, newest)).isGreaterThan(Duration.ofDays(180));
        assertThat(oldest).isAfter(Instant.now().minus(Duration.ofDays(366)));
    }

    @Test
    void setupWithoutSampleDataCreatesOnlyTheAdmin() throws Exception {
        mvc.perform(setup("solo@example.org", "a long password", "a long password", false))
                .andExpect(redirectedUrl("/login?setup"));
        assertThat(count("select count(*) from app_user")).isEqualTo(1);
        assertThat(count("select count(*) from deal")).isZero();
    }

    @Test
    void badInputIsExplainedAndNothingIsCreated() throws Exception {
        mvc.perform(setup("not-an-email", "short", "different", true))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("Enter a valid email address.")))
                .andExpect(content().string(Matchers.containsString("Use between 10 and 200 characters.")))
                .andExpect(content().string(Matchers.containsString("value=\"not-an-email\"")));
        mvc.perform(setup("ada@example.org", "a long password", "another long one", true))
                .andExpect(content().string(Matchers.containsString("The two passwords are not the same.")));
        assertThat(count("select count(*) from app_user")).isZero();
    }

    @Test
    void onlyOneFirstAdminEvenWhenTwoPeopleSubmitAtOnce() throws Exception {
        Callable<Integer> first = () -> mvc.perform(setup("one@example.org", "a long password", "a long password",
                false)).andReturn().getResponse().getStatus();
        Callable<Integer> second = () -> mvc.perform(setup("two@example.org", "a long password", "a long password",
                false)).andReturn().getResponse().getStatus();
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            pool.invokeAll(List.of(first, second));
        } finally {
            pool.shutdown();
        }
        assertThat(count("select count(*) from app_user")).isEqualTo(1);
        mvc.perform(get("/setup")).andExpect(redirectedUrl("/login"));
    }

    private static MockHttpServletRequestBuilder setup(String email, String password, String confirmation,
            boolean sample) {
        return post("/setup").with(csrf())
                .param("name", "Ada Admin")
                .param("email", email)
                .param("password", password)
                .param("passwordConfirmation", confirmation)
                .param("sampleData", sample ? "true" : null)
                .param("_sampleData", "on");
    }

    private long count(String sql) {
        return jdbc.sql(sql).query(Long.class).single();
    }
}
