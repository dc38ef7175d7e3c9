package io.mutua.deals;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.mutua.IntegrationTest;
import io.mutua.TestData;
import io.mutua.identity.SignIn;
import io.mutua.identity.Users;
import io.mutua.identity.Viewer;
import io.mutua.plans.PlanKind;
import io.mutua.plans.PlanService;
import io.mutua.plans.PlanView;
import io.mutua.plans.QualificationMissingException;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The admin's choice of which MEDDPICC elements must be confirmed before a plan is shared. The choice is shared by
 * every test, so each test puts the default (champion and economic buyer) back.
 */
@IntegrationTest
class QualificationAdminIntegrationTest {

    private static final Set<MeddpiccElement> DEFAULT = EnumSet.of(MeddpiccElement.ECONOMIC_BUYER,
            MeddpiccElement.CHAMPION);

    @Autowired
    MockMvc mvc;
    @Autowired
    TestData data;
    @Autowired
    Users users;
    @Autowired
    DealService deals;
    @Autowired
    Qualification qualification;
    @Autowired
    PlanService plans;

    TestData.Seller admin;

    @BeforeEach
    void anAdmin() {
        admin = data.user("ADMIN", null);
    }

    @AfterEach
    void restoreTheDefault() {
        qualification.require(users.viewer(admin.id()), DEFAULT);
    }

    @Test
    void byDefaultTheChampionAndTheEconomicBuyerMustBeConfirmed() throws Exception {
        String page = page();

        assertThat(page).contains("Qualification before sharing a plan", "href=\"/admin/qualification\"");
        assertThat(page).containsPattern("id=\"require-economic_buyer\" name=\"required\" type=\"checkbox\" "
                + "value=\"ECONOMIC_BUYER\"\\s+checked")
                .containsPattern("id=\"require-champion\" name=\"required\" type=\"checkbox\" value=\"CHAMPION\"\\s+"
                        + "checked");
        assertThat(page).containsPattern("id=\"require-metrics\" name=\"required\" type=\"checkbox\" "
                + "value=\"METRICS\"\\s+aria-describedby");
        assertThat(qualification.requirements()).isEqualTo(DEFAULT);
    }

    @Test
    void theRequirementsChosenDecideWhatAConversionNeeds() throws Exception {
        UUID team = data.team("Requirements");
        TestData.Seller rep = data.user("REP", team);
        Viewer viewer = users.viewer(rep.id());
        DealView deal = deals.create(viewer, new DealDetails("Requirements " + TestData.unique(), "Account",
                Money.of("1000", "EUR"), rep.id(), LocalDate.now().plusMonths(2), null, null), "prospecting");
        PlanView plan = plans.generate(viewer, deal.id());
        confirm(viewer, deal, MeddpiccElement.CHAMPION, 0);
        confirm(viewer, deal, MeddpiccElement.ECONOMIC_BUYER, 0);

        mvc.perform(post("/admin/qualification").with(SignIn.as(admin)).with(csrf())
                        .param("required", "METRICS").param("required", "CHAMPION"))
                .andExpect(redirectedUrl("/admin/qualification?saved"));

        assertThat(qualification.requirements()).containsExactlyInAnyOrder(MeddpiccElement.METRICS,
                MeddpiccElement.CHAMPION);
        // Following the redirect, a browser sends "saved" as a parameter without a value.
        assertThat(mvc.perform(get("/admin/qualification").param("saved", "").with(SignIn.as(admin))).andReturn()
                .getResponse()
                .getContentAsString()).contains("Saved. Plans are checked against these elements from now on.");
        String dealPage = mvc.perform(get("/deals/" + deal.id()).with(SignIn.as(rep)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(dealPage).contains("One required element is still to confirm").contains("<strong>Metrics</strong>");
        QualificationMissingException refused = assertThrows(QualificationMissingException.class,
                () -> plans.convert(viewer, plan.id(), null, plan.version()));
        assertThat(refused.missing()).containsExactly(MeddpiccElement.METRICS);

        confirm(viewer, deal, MeddpiccElement.METRICS, 0);
        assertThat(plans.convert(viewer, plan.id(), null, plan.version()).kind()).isEqualTo(PlanKind.MUTUAL);
    }

    @Test
    void withNothingCheckedNothingIsRequiredAndOnlyAdminsMayChangeIt() throws Exception {
        mvc.perform(post("/admin/qualification").with(SignIn.as(admin)).with(csrf()))
                .andExpect(redirectedUrl("/admin/qualification?saved"));
        assertThat(qualification.requirements()).isEmpty();
        assertThat(page()).contains("With nothing checked, any closing plan can be shared straight away.");

        TestData.Seller manager = data.user("MANAGER", data.team("Not admins"));
        mvc.perform(get("/admin/qualification").with(SignIn.as(manager))).andExpect(status().isForbidden());
        mvc.perform(post("/admin/qualification").with(SignIn.as(manager)).with(csrf()).param("required", "METRICS"))
                .andExpect(status().isForbidden());
        mvc.perform(post("/admin/qualification").with(SignIn.as(admin)).with(csrf()).param("required", "BUDGET"))
                .andExpect(status().isBadRequest());
        assertThat(qualification.requirements()).isEmpty();
    }

    private void confirm(Viewer viewer, DealView deal, MeddpiccElement element, long version) {
        qualification.update(viewer, deal.id(), element, new QualificationChange(QualificationStatus.CONFIRMED,
                null, null, null), version);
    }

    private String page() throws Exception {
        return mvc.perform(get("/admin/qualification").with(SignIn.as(admin)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
    }
}
