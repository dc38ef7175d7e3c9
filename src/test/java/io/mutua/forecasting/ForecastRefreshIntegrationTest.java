package io.mutua.forecasting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;

import io.mutua.IntegrationTest;
import io.mutua.TestData;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

@IntegrationTest
class ForecastRefreshIntegrationTest {

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
    void theSampleDealsHaveAForecastRightAfterSetup() throws Exception {
        mvc.perform(post("/setup").with(csrf())
                        .param("name", "Ada Admin")
                        .param("email", "ada@example.org")
                        .param("password", "a long password")
                        .param("passwordConfirmation", "a long password")
                        .param("sampleData", "true")
                        .param("_sampleData", "on"))
                .andExpect(redirectedUrl("/login?setup"));

        long open = count("select count(*) from deal where status = 'OPEN'");
        assertThat(open).isPositive();
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(
                count("select count(*) from deal_health h join deal d on d.id = h.deal_id where d.status = 'OPEN'"))
                .isEqualTo(open));
        assertThat(count("select count(*) from deal_health where prediction_source = 'PLAN'")).isPositive();
    }

    private long count(String sql) {
        return jdbc.sql(sql).query(Long.class).single();
    }
}
