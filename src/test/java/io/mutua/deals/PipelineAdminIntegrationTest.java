package io.mutua.deals;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.mutua.IntegrationTest;
import io.mutua.TestData;
import io.mutua.identity.SignIn;
import java.util.List;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/** The pipeline is shared by every test, so each test leaves it as it found it. */
@IntegrationTest
class PipelineAdminIntegrationTest {

    private static final List<String> DEFAULT_ORDER = List.of("prospecting", "discovery", "solution", "proposal",
            "negotiation", "won", "lost");

    @Autowired
    MockMvc mvc;
    @Autowired
    TestData data;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    Pipeline pipeline;

    TestData.Seller admin;

    @BeforeEach
    void anAdmin() {
        admin = data.user("ADMIN", null);
    }

    @AfterEach
    void restoreTheDefaultPipeline() {
        for (String key : keys()) {
            if (!DEFAULT_ORDER.contains(key)) {
                pipeline.delete(key);
            }
        }
        while (!keys().equals(DEFAULT_ORDER)) {
            List<String> keys = keys();
            for (int i = 0; i < keys.size(); i++) {
                int wanted = DEFAULT_ORDER.indexOf(keys.get(i));
                if (wanted < i) {
                    pipeline.move(keys.get(i), -1);
                    break;
                }
            }
        }
        pipeline.makeTrigger("discovery");
    }

    @Test
    void anAddedStageGoesBeforeTheClosingStagesAndCanBeMovedAndDeleted() throws Exception {
        mvc.perform(post("/admin/pipeline").with(SignIn.as(admin)).with(csrf())
                .param("name", "Légal review").param("probability", "70").param("version", "0"))
                .andExpect(redirectedUrl("/admin/pipeline"));
        assertThat(keys()).containsExactly("prospecting", "discovery", "solution", "proposal", "negotiation",
                "legal-review", "won", "lost");

        mvc.perform(post("/admin/pipeline/legal-review/move").with(SignIn.as(admin)).with(csrf())
                .param("direction", "-1")).andExpect(redirectedUrl("/admin/pipeline"));
        assertThat(keys().indexOf("legal-review")).isEqualTo(4);
        mvc.perform(post("/admin/pipeline/won/move").with(SignIn.as(admin)).with(csrf()).param("direction", "-1"));
        assertThat(keys().subList(6, 8)).as("won and lost stay last").containsExactly("won", "lost");

        mvc.perform(post("/admin/pipeline/legal-review/delete").with(SignIn.as(admin)).with(csrf()))
                .andExpect(redirectedUrl("/admin/pipeline"));
        assertThat(keys()).isEqualTo(DEFAULT_ORDER);
    }

    @Test
    void aStageInUseOrAClosingStageCannotBeDeleted() throws Exception {
        mvc.perform(post("/admin/pipeline/won/delete").with(SignIn.as(admin)).with(csrf()))
                .andExpect(status().isConflict())
                .andExpect(content().string(Matchers.containsString("cannot be removed")));
        TestData.Seller rep = data.user("REP", null);
        mvc.perform(post("/deals").with(SignIn.as(rep)).with(csrf()).param("name", "Uses prospecting")
                .param("account", "A").param("currency", "EUR").param("ownerId", rep.id().toString())
                .param("stage", "prospecting").param("version", "0"));
        mvc.perform(post("/admin/pipeline/prospecting/delete").with(SignIn.as(admin)).with(csrf()))
                .andExpect(status().isConflict())
                .andExpect(content().string(Matchers.containsString("Rename it instead")));
        assertThat(keys()).isEqualTo(DEFAULT_ORDER);
    }

    @Test
    void renamingWithAStaleVersionOverwritesNothing() throws Exception {
        long version = jdbc.sql("select version from stage where key = 'solution'").query(Long.class).single();
        mvc.perform(post("/admin/pipeline/solution").with(SignIn.as(admin)).with(csrf())
                .param("name", "Solution design").param("probability", "45").param("version", Long.toString(version)))
                .andExpect(redirectedUrl("/admin/pipeline"));
        mvc.perform(post("/admin/pipeline/solution").with(SignIn.as(admin)).with(csrf())
                        .param("name", "Something else").param("probability", "5")
                        .param("version", Long.toString(version)))
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().string(Matchers.containsString("Someone else changed this")));
        assertThat(jdbc.sql("select name || ' ' || probability from stage where key = 'solution'")
                .query(String.class).single()).isEqualTo("Solution design 45");
        mvc.perform(post("/admin/pipeline/solution").with(SignIn.as(admin)).with(csrf())
                .param("name", "Solution").param("probability", "40").param("version", Long.toString(version + 1)));
    }

    @Test
    void exactlyOneOpenStageTriggersTheClosingPlan() throws Exception {
        mvc.perform(post("/admin/pipeline/trigger").with(SignIn.as(admin)).with(csrf()).param("key", "solution"))
                .andExpect(redirectedUrl("/admin/pipeline"));
        assertThat(jdbc.sql("select key from stage where triggers_plan").query(String.class).list())
                .containsExactly("solution");
        mvc.perform(post("/admin/pipeline/trigger").with(SignIn.as(admin)).with(csrf()).param("key", "won"))
                .andExpect(status().isBadRequest());
        assertThat(jdbc.sql("select key from stage where triggers_plan").query(String.class).list())
                .containsExactly("solution");
    }

    @Test
    void onlyAdminsSeeThePipelinePage() throws Exception {
        mvc.perform(get("/admin/pipeline").with(SignIn.as(data.user("MANAGER", null))))
                .andExpect(status().isForbidden());
        mvc.perform(get("/admin/pipeline").with(SignIn.as(admin))).andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("Trigger stage")));
    }

    private List<String> keys() {
        return jdbc.sql("select key from stage order by position").query(String.class).list();
    }
}
