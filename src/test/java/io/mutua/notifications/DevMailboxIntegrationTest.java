package io.mutua.notifications;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.mutua.IntegrationTest;
import io.mutua.TestData;
import io.mutua.identity.SignIn;
import io.mutua.mail.OutgoingMail;
import java.time.Duration;
import org.awaitility.Awaitility;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

@IntegrationTest
class DevMailboxIntegrationTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    TestData data;
    @Autowired
    OutgoingMail mailer;

    @Test
    void showsWhatTheEmbeddedSmtpServerReceivedWithClickableLinks() throws Exception {
        String subject = "Plan update " + TestData.unique();
        mailer.send("buyer@example.com", subject, "Open https://mutua.example/plans/42 to see it.");

        var seller = data.user("REP", null);
        Awaitility.await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                mvc.perform(get("/dev/mailbox").with(SignIn.as(seller)))
                        .andExpect(content().string(Matchers.containsString(subject))));
        mvc.perform(get("/dev/mailbox").with(SignIn.as(seller)))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString(subject)))
                .andExpect(content().string(Matchers.containsString("buyer@example.com")))
                .andExpect(content().string(Matchers.containsString(
                        "<a href=\"https://mutua.example/plans/42\">")))
                .andExpect(content().string(Matchers.containsString("href=\"/dev/mailbox\"")));
    }

    @Test
    void isForSignedInSellersOnly() throws Exception {
        mvc.perform(get("/dev/mailbox")).andExpect(status().is3xxRedirection());
    }
}
