package io.mutua.notifications;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import com.icegreen.greenmail.util.GreenMail;
import io.mutua.IntegrationTest;
import io.mutua.collaboration.BuyerClient;
import io.mutua.collaboration.Inbox;
import io.mutua.collaboration.MutualPlanFixtures;
import io.mutua.collaboration.Participants;
import io.mutua.collaboration.ParticipantView;
import io.mutua.identity.SignIn;
import jakarta.servlet.http.Cookie;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * The notification settings pages of sellers (/settings/notifications) and buyers (/b/notifications): what they
 * show, saving by plain POST and by htmx, and a save over settings changed meanwhile, which keeps the person's
 * input, shows what is saved now and overwrites nothing.
 */
@IntegrationTest
class NotificationSettingsPagesIntegrationTest {

    private static final String SELLER_PAGE = "/settings/notifications";
    private static final String BUYER_PAGE = "/b/notifications";

    @Autowired
    MockMvc mvc;
    @Autowired
    GreenMail mailServer;
    @Autowired
    MutualPlanFixtures fixtures;
    @Autowired
    Participants participants;
    @Autowired
    Preferences preferences;

    MutualPlanFixtures.Fixture plan;
    Recipient rep;
    Recipient chloe;

    @BeforeEach
    void aPlan() {
        plan = fixtures.mutualPlan();
        rep = Recipient.seller(plan.rep().email(), plan.rep().id(), "en");
        chloe = Recipient.buyer(plan.mainContact().email(), plan.mainContact().id(), "en");
    }

    @Test
    void aSellerSeesEveryGroupTheirTimeZoneAndTheirPlansAndSavesThemWithAPlainPost() throws Exception {
        String page = sellerGet(SELLER_PAGE).getContentAsString();
        assertThat(page).contains("Steps assigned to me", "Comments and documents", "Time zone",
                plan.deal().name(), "name=\"version\" value=\"0\"");
        assertThat(page).containsPattern("name=\"group.DISCUSSION\" value=\"IMMEDIATE\" checked");

        MockHttpServletResponse saved = mvc.perform(form(post(SELLER_PAGE).with(SignIn.as(plan.rep())).with(csrf()),
                groups("DISCUSSION", "DIGEST", "timeZone", "Asia/Tokyo", "plan." + plan.planId(), "OFF",
                        "version", "0"))).andReturn().getResponse();

        assertThat(saved.getStatus()).isEqualTo(302);
        assertThat(saved.getRedirectedUrl()).isEqualTo(SELLER_PAGE + "?saved=true");
        assertThat(preferences.modeFor(rep, plan.planId(), NoticeKind.COMMENTED)).isEqualTo(Mode.OFF);
        assertThat(preferences.modeFor(rep, fixtures.mutualPlan().planId(), NoticeKind.COMMENTED))
                .isEqualTo(Mode.DIGEST);
        String after = sellerGet(SELLER_PAGE + "?saved=true").getContentAsString();
        assertThat(after).contains("Your notification settings are saved.")
                .containsPattern("<option value=\"Asia/Tokyo\" selected")
                .containsPattern("name=\"group.DISCUSSION\" value=\"DIGEST\" checked");
    }

    @Test
    void anHtmxSaveAnswersWithTheFormOnly() throws Exception {
        MockHttpServletResponse response = mvc.perform(form(post(SELLER_PAGE).with(SignIn.as(plan.rep())).with(csrf())
                .header("HX-Request", "true"), groups("MY_STEPS", "DIGEST", "timeZone", "Europe/Athens",
                "version", "0"))).andReturn().getResponse();

        assertThat(response.getStatus()).isEqualTo(200);
        assertThat(response.getContentAsString()).contains("id=\"notification-settings\"",
                "Your notification settings are saved.", "name=\"version\" value=\"1\"").doesNotContain("<html");
        assertThat(preferences.modeFor(rep, plan.planId(), NoticeKind.STEP_CHANGED)).isEqualTo(Mode.DIGEST);
    }

    @Test
    void aSaveOverSettingsChangedMeanwhileKeepsTheInputShowsWhatIsSavedAndOverwritesNothing() throws Exception {
        preferences.save(rep.email(), Map.of(KindGroup.DISCUSSION, Mode.OFF), Map.of(), "Europe/Athens", 0);

        MockHttpServletResponse response = mvc.perform(form(post(SELLER_PAGE).with(SignIn.as(plan.rep())).with(csrf())
                .header("HX-Request", "true"), groups("DISCUSSION", "DIGEST", "timeZone", "Europe/Athens",
                "version", "0"))).andReturn().getResponse();

        assertThat(response.getStatus()).isEqualTo(409);
        assertThat(response.getContentAsString()).contains("Someone changed these settings", "Saved now: Off",
                "name=\"version\" value=\"1\"").containsPattern("name=\"group.DISCUSSION\" value=\"DIGEST\" checked");
        assertThat(preferences.modeFor(rep, plan.planId(), NoticeKind.COMMENTED)).isEqualTo(Mode.OFF);

        MockHttpServletResponse plain = mvc.perform(form(post(SELLER_PAGE).with(SignIn.as(plan.rep())).with(csrf()),
                groups("DISCUSSION", "DIGEST", "timeZone", "Europe/Athens", "version", "0")))
                .andReturn().getResponse();
        assertThat(plain.getStatus()).isEqualTo(409);
        assertThat(plain.getContentAsString()).contains("<html", "Someone changed these settings");
    }

    @Test
    void aTimeZoneNotOnTheListIsRefusedNextToTheField() throws Exception {
        MockHttpServletResponse response = mvc.perform(form(post(SELLER_PAGE).with(SignIn.as(plan.rep())).with(csrf())
                .header("HX-Request", "true"), groups("DISCUSSION", "OFF", "timeZone", "Mars/Olympus",
                "version", "0"))).andReturn().getResponse();

        assertThat(response.getStatus()).isEqualTo(422);
        assertThat(response.getContentAsString()).contains("Choose a time zone from the list.")
                .containsPattern("name=\"group.DISCUSSION\" value=\"OFF\" checked");
        assertThat(preferences.modeFor(rep, plan.planId(), NoticeKind.COMMENTED)).isEqualTo(Mode.IMMEDIATE);
    }

    @Test
    void thePageSpeaksGreekAndTheProfileLinksToIt() throws Exception {
        String greek = mvc.perform(get(SELLER_PAGE).with(SignIn.as(plan.rep())).cookie(new Cookie("MUTUA_LANG", "el")))
                .andReturn().getResponse().getContentAsString();
        assertThat(greek).contains("Ειδοποιήσεις", "Ημερήσια σύνοψη", "Ζώνη ώρας");

        assertThat(sellerGet("/profile").getContentAsString()).contains("href=\"/settings/notifications\"");
    }

    @Test
    void aBuyerChoosesForTheirOwnPlansOnly() throws Exception {
        BuyerClient buyer = signedIn(plan.mainContact());
        MutualPlanFixtures.Fixture notTheirs = fixtures.mutualPlan();

        String page = buyer.get(BUYER_PAGE).getContentAsString();
        assertThat(page).contains("Steps assigned to me", plan.deal().account())
                .doesNotContain(plan.deal().name(), notTheirs.deal().account())
                .containsPattern("name=\"group.DISCUSSION\" value=\"DIGEST\" checked")
                .containsPattern("name=\"group.ASSIGNED\" value=\"IMMEDIATE\" checked");
        assertThat(buyer.get("/b").getContentAsString()).contains("href=\"/b/notifications\"");

        MockHttpServletResponse saved = buyer.post(BUYER_PAGE, groups("timeZone", "America/New_York",
                "plan." + plan.planId(), "OFF", "plan." + notTheirs.planId(), "IMMEDIATE", "version", "0"));

        assertThat(saved.getStatus()).isEqualTo(302);
        assertThat(preferences.modeFor(chloe, plan.planId(), NoticeKind.ASSIGNED)).isEqualTo(Mode.OFF);
        assertThat(preferences.modeFor(chloe, notTheirs.planId(), NoticeKind.COMMENTED)).isEqualTo(Mode.DIGEST);
        assertThat(preferences.zoneOf(chloe.email()).getId()).isEqualTo("America/New_York");
    }

    @Test
    void aBuyersStaleSaveIsRefusedWithTheirInputKept() throws Exception {
        BuyerClient buyer = signedIn(plan.mainContact());
        buyer.get(BUYER_PAGE);
        preferences.save(chloe.email(), Map.of(), Map.of(plan.planId(), Mode.IMMEDIATE), "Europe/Athens", 0);

        MockHttpServletResponse response = buyer.htmxPost(BUYER_PAGE, groups("timeZone", "Europe/Athens",
                "plan." + plan.planId(), "OFF", "version", "0"));

        assertThat(response.getStatus()).isEqualTo(409);
        assertThat(response.getContentAsString()).contains("Someone changed these settings", "Saved now: At once")
                .containsPattern("<option value=\"OFF\" selected");
        assertThat(preferences.modeFor(chloe, plan.planId(), NoticeKind.COMMENTED)).isEqualTo(Mode.IMMEDIATE);
    }

    @Test
    void withoutSigningInNobodyReachesEitherPage() throws Exception {
        assertThat(mvc.perform(get(BUYER_PAGE)).andReturn().getResponse().getRedirectedUrl())
                .contains("/b/request-link");
        assertThat(mvc.perform(get(SELLER_PAGE)).andReturn().getResponse().getRedirectedUrl()).contains("/login");
    }

    private MockHttpServletResponse sellerGet(String path) throws Exception {
        return mvc.perform(get(path).with(SignIn.as(plan.rep()))).andReturn().getResponse();
    }

    private BuyerClient signedIn(ParticipantView person) throws Exception {
        Inbox inbox = new Inbox(mailServer);
        int before = inbox.of(person.email()).size();
        participants.invite(plan.viewer(), plan.planId(), person.id());
        BuyerClient buyer = new BuyerClient(mvc);
        buyer.signInWith(BuyerClient.linkIn(Inbox.body(inbox.await(person.email(), before + 1))));
        return buyer;
    }

    /** Every group at the buyers' default unless named, then the other fields. */
    private static String[] groups(String... fields) {
        List<String> all = new ArrayList<>();
        List<String> named = new ArrayList<>();
        for (int i = 0; i + 1 < fields.length; i += 2) {
            if (!fields[i].contains(".") && !fields[i].equals("timeZone") && !fields[i].equals("version")) {
                all.add("group." + fields[i]);
                named.add(fields[i]);
            } else {
                all.add(fields[i]);
            }
            all.add(fields[i + 1]);
        }
        for (KindGroup group : KindGroup.values()) {
            if (!named.contains(group.name())) {
                all.add("group." + group.name());
                all.add(group.defaultFor(true).name());
            }
        }
        return all.toArray(String[]::new);
    }

    private static MockHttpServletRequestBuilder form(MockHttpServletRequestBuilder request, String[] fields) {
        request.contentType("application/x-www-form-urlencoded");
        for (int i = 0; i + 1 < fields.length; i += 2) {
            request.param(fields[i], fields[i + 1]);
        }
        return request;
    }
}
