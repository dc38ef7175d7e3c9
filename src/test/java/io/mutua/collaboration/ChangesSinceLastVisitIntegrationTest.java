package io.mutua.collaboration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.mutua.IntegrationTest;
import io.mutua.TestData;
import io.mutua.deals.DealDetails;
import io.mutua.deals.DealService;
import io.mutua.deals.Money;
import io.mutua.identity.SignIn;
import io.mutua.identity.Users;
import io.mutua.plans.PlanService;
import io.mutua.plans.PlanView;
import io.mutua.plans.StepStatus;
import io.mutua.plans.StepUpdate;
import io.mutua.plans.StepView;
import java.time.LocalDate;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

@IntegrationTest
class ChangesSinceLastVisitIntegrationTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    TestData data;
    @Autowired
    DealService deals;
    @Autowired
    PlanService plans;
    @Autowired
    Users users;

    TestData.Seller rep;
    TestData.Seller manager;
    PlanView plan;

    @BeforeEach
    void aPlan() {
        UUID team = data.team("Changes");
        rep = data.user("REP", team);
        manager = data.user("MANAGER", team);
        var deal = deals.create(users.viewer(rep.id()), new DealDetails("Changes " + TestData.unique(), "Account",
                Money.of("10000", "EUR"), rep.id(), LocalDate.now().plusMonths(3), null, null), "prospecting");
        plan = plans.generate(users.viewer(rep.id()), deal.id());
    }

    @Test
    void theSellerSeesWhatOthersChangedSinceTheirLastVisitButNotTheirOwnChanges() throws Exception {
        assertThat(panel(rep)).contains("first visit");

        StepView byManager = plan.steps().get(0);
        StepView byRep = plan.steps().get(1);
        plans.updateStep(users.viewer(manager.id()), plan.id(), byManager.id(), byManager.version(),
                StepUpdate.status(StepStatus.IN_PROGRESS), false);
        plans.updateStep(users.viewer(rep.id()), plan.id(), byRep.id(), byRep.version(),
                StepUpdate.status(StepStatus.DONE), false);

        String panel = panel(rep);
        assertThat(panel).contains("others made one change", manager.name(), byManager.title())
                .doesNotContain(byRep.title());
        assertThat(panel(rep)).contains("Nobody else has changed anything");
    }

    @Test
    void theChangesOfAPlanTheSellerMayNotSeeAreNotFound() throws Exception {
        TestData.Seller stranger = data.user("REP", data.team("Elsewhere"));
        mvc.perform(get("/plans/" + plan.id() + "/changes").with(SignIn.as(stranger)))
                .andExpect(status().isNotFound());
    }

    @Test
    void thePlanPageLoadsThePanel() throws Exception {
        String page = mvc.perform(get("/deals/" + plan.dealId() + "/plan").with(SignIn.as(rep)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("hx-get=\"/plans/" + plan.id() + "/changes\"");
    }

    private String panel(TestData.Seller seller) throws Exception {
        return mvc.perform(get("/plans/" + plan.id() + "/changes").with(SignIn.as(seller)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
    }
}
