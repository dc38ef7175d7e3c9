package io.mutua.integration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import io.mutua.IntegrationTest;
import io.mutua.TestData;
import io.mutua.collaboration.MutualPlanFixtures;
import io.mutua.deals.DealService;
import io.mutua.deals.Outcome;
import io.mutua.identity.SignIn;
import io.mutua.identity.Users;
import io.mutua.identity.Viewer;
import io.mutua.insights.HandoffSummary;
import io.mutua.insights.Handoffs;
import io.mutua.plans.PlanService;
import io.mutua.plans.SectionKey;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;

/** The handoff PDF holds the package customer success reads on the page, internal notes included. */
@IntegrationTest
class HandoffPdfIntegrationTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    TestData data;
    @Autowired
    Users users;
    @Autowired
    DealService deals;
    @Autowired
    PlanService plans;
    @Autowired
    Handoffs handoffs;
    @Autowired
    MutualPlanFixtures fixtures;

    @Test
    void thePdfFromThePageAndFromTheApiHasTheWholePackage() throws Exception {
        MutualPlanFixtures.Fixture fixture = fixtures.mutualPlan();
        TestData.Seller cs = data.user("CS", fixture.teamId());
        Viewer viewer = users.viewer(cs.id());
        plans.writeSection(fixture.viewer(), fixture.planId(), SectionKey.SUCCESS_CRITERIA,
                "Invoices approved within two days", 0);
        deals.close(fixture.viewer(), fixture.deal().id(), Outcome.WON, "Best fit", null);
        UUID id = await().atMost(Duration.ofSeconds(20)).until(() -> handoffs.list(viewer).stream()
                .filter(handoff -> handoff.dealId().equals(fixture.deal().id().value()))
                .map(HandoffSummary::id).findFirst().orElse(null), found -> found != null);
        handoffs.writeNotes(fixture.viewer(), id, "Their CFO wants a monthly report\n\n- *Weekly* calls", handoffs.get(viewer, id)
                .version());

        MockHttpServletResponse page = mvc.perform(get("/handoffs/" + id + "/handoff.pdf").with(SignIn.as(cs)))
                .andReturn().getResponse();
        assertThat(page.getStatus()).isEqualTo(200);
        assertThat(page.getContentType()).isEqualTo("application/pdf");
        // Table cells wrap their lines: compare with the spacing made plain.
        String text = String.join(" ", PdfText.of(page.getContentAsByteArray()).pages()).replaceAll("\\s+", " ");
        assertThat(text).contains(fixture.deal().account(), fixture.deal().name(),
                "Invoices approved within two days", "Chloe Champion", "Eric Economic", "Their CFO wants a monthly report", "Weekly",
                fixture.sharedStep().title(), "Notes for customer success");

        MockHttpServletResponse api = mvc.perform(get("/api/v1/deals/" + fixture.deal().id() + "/handoff")
                .with(SignIn.as(cs)).accept("application/pdf")).andReturn().getResponse();
        assertThat(api.getStatus()).isEqualTo(200);
        assertThat(String.join("\n", PdfText.of(api.getContentAsByteArray()).pages()))
                .contains("Their CFO wants a monthly report");

        MockHttpServletResponse anything = mvc.perform(get("/api/v1/deals/" + fixture.deal().id() + "/handoff")
                .with(SignIn.as(cs)).accept("*/*")).andReturn().getResponse();
        assertThat(anything.getStatus()).isEqualTo(200);
        assertThat(anything.getContentType()).startsWith("application/json");
    }
}
