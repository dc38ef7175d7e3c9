package io.mutua.notifications;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import io.mutua.IntegrationTest;
import io.mutua.collaboration.MutualPlanFixtures;
import jakarta.servlet.http.Cookie;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The unsubscribe link of notification emails: opening it only asks; the button or a mail client's one-click POST
 * (no session, no CSRF token) turns emails off, for the plan or for everything; a made-up token finds nothing.
 */
@IntegrationTest
class UnsubscribeIntegrationTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    Unsubscribes unsubscribes;
    @Autowired
    Preferences preferences;
    @Autowired
    MutualPlanFixtures fixtures;

    MutualPlanFixtures.Fixture plan;
    MutualPlanFixtures.Fixture otherPlan;
    Recipient chloe;

    @BeforeEach
    void aBuyerOnTwoPlans() {
        plan = fixtures.mutualPlan();
        otherPlan = fixtures.mutualPlan();
        chloe = Recipient.buyer(plan.mainContact().email(), plan.mainContact().id(), "en");
    }

    @Test
    void eachEmailGetsItsOwnUnguessableLinkAndTheRfc8058Headers() {
        Unsubscribes.Link first = unsubscribes.issue(chloe.email(), plan.planId());
        Unsubscribes.Link second = unsubscribes.issue(chloe.email(), plan.planId());

        assertThat(first.url()).startsWith("http://localhost:8080/unsubscribe/").isNotEqualTo(second.url());
        assertThat(token(first)).matches("[A-Za-z0-9_-]{43}");
        assertThat(first.headers()).containsEntry("List-Unsubscribe", "<" + first.url() + ">")
                .containsEntry("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
    }

    @Test
    void openingTheLinkAsksAndChangesNothing() throws Exception {
        Unsubscribes.Link link = unsubscribes.issue(chloe.email(), plan.planId());

        MockHttpServletResponse page = mvc.perform(get(path(link))).andReturn().getResponse();

        assertThat(page.getStatus()).isEqualTo(200);
        assertThat(page.getContentAsString()).contains("Stop notification emails to " + chloe.email(),
                "Only those about the plan with " + plan.deal().account(), "All notification emails",
                "method=\"post\"");
        assertThat(preferences.modeFor(chloe, plan.planId(), NoticeKind.COMMENTED)).isEqualTo(Mode.DIGEST);
        assertThat(preferences.modeFor(chloe, plan.planId(), NoticeKind.MENTIONED)).isEqualTo(Mode.IMMEDIATE);
    }

    @Test
    void aMailClientsOneClickPostWithoutSessionOrCsrfTurnsThePlanOff() throws Exception {
        Unsubscribes.Link link = unsubscribes.issue(chloe.email(), plan.planId());

        MockHttpServletResponse response = mvc.perform(post(path(link))
                .contentType("application/x-www-form-urlencoded").content("List-Unsubscribe=One-Click"))
                .andReturn().getResponse();

        assertThat(response.getStatus()).isEqualTo(200);
        for (NoticeKind kind : NoticeKind.values()) {
            assertThat(preferences.modeFor(chloe, plan.planId(), kind)).as("%s", kind).isEqualTo(Mode.OFF);
        }
        assertThat(preferences.modeFor(chloe, otherPlan.planId(), NoticeKind.MENTIONED)).isEqualTo(Mode.IMMEDIATE);
    }

    @Test
    void theButtonCanTurnOffEveryNotificationEmail() throws Exception {
        preferences.save(chloe.email(), Map.of(), Map.of(otherPlan.planId(), Mode.IMMEDIATE),
                "Europe/Athens", 0);
        Unsubscribes.Link link = unsubscribes.issue(chloe.email(), plan.planId());

        String done = mvc.perform(post(path(link)).param("scope", "all").cookie(new Cookie("MUTUA_LANG", "el")))
                .andReturn().getResponse().getContentAsString();

        assertThat(done).contains("δεν θα λαμβάνει πια email ειδοποιήσεων");
        for (NoticeKind kind : NoticeKind.values()) {
            assertThat(preferences.modeFor(chloe, plan.planId(), kind)).as("%s", kind).isEqualTo(Mode.OFF);
            assertThat(preferences.modeFor(chloe, otherPlan.planId(), kind)).as("%s", kind).isEqualTo(Mode.OFF);
        }
    }

    @Test
    void aMadeUpTokenFindsNothing() throws Exception {
        String made = "/unsubscribe/" + "A".repeat(43);

        assertThat(mvc.perform(get(made)).andReturn().getResponse().getStatus()).isEqualTo(404);
        assertThat(mvc.perform(post(made).contentType("application/x-www-form-urlencoded")
                .content("List-Unsubscribe=One-Click")).andReturn().getResponse().getStatus()).isEqualTo(404);
        assertThat(preferences.modeFor(chloe, plan.planId(), NoticeKind.COMMENTED)).isEqualTo(Mode.DIGEST);
    }

    @Test
    void aLinkIssuedForEverythingOffersNoPlanChoice() throws Exception {
        Unsubscribes.Link link = unsubscribes.issue(chloe.email(), null);

        String page = mvc.perform(get(path(link))).andReturn().getResponse().getContentAsString();

        assertThat(page).contains("name=\"scope\" value=\"all\"").doesNotContain("Only those about the plan");
    }

    private static String token(Unsubscribes.Link link) {
        return link.url().substring(link.url().lastIndexOf('/') + 1);
    }

    private static String path(Unsubscribes.Link link) {
        return "/unsubscribe/" + token(link);
    }
}
