package io.mutua.forecasting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.mutua.IntegrationTest;
import io.mutua.TestData;
import io.mutua.identity.SignIn;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

/**
 * A fresh installation has no closed deals and no done steps. The shared test database always has some, so the
 * statistics are replaced by empty ones here (which gives this class an application context of its own, closed
 * after it: a second live context would deliver the shared outbox to its own SMTP server).
 */
@IntegrationTest
@DirtiesContext
class SalesCycleEmptyIntegrationTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    TestData data;
    @MockitoBean
    DurationStatistics statistics;

    @Test
    void withoutHistoryThePageSaysPlansUseThePlaybookDefaults() throws Exception {
        when(statistics.stages()).thenReturn(List.of());
        when(statistics.steps()).thenReturn(List.of());

        String page = mvc.perform(get("/insights/sales-cycle").with(SignIn.as(data.user("REP", null))))
                .andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();

        assertThat(PageText.text(PageText.section(page, "stage-durations"))).contains(
                "No deal has been won or lost in the last 12 months, so there are no stage figures yet. "
                        + "Until there are, plans are dated by their playbook’s defaults.");
        assertThat(PageText.text(PageText.section(page, "step-durations"))).contains(
                "No plan step has been done in the last 12 months, so there are no step figures yet.");
        assertThat(page).doesNotContain("<table");
    }
}
