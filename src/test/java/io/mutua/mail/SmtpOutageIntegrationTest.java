package io.mutua.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.icegreen.greenmail.util.GreenMail;
import io.mutua.IntegrationTest;
import io.mutua.TestData;
import io.mutua.collaboration.BuyerClient;
import io.mutua.collaboration.Inbox;
import io.mutua.collaboration.MutualPlanFixtures;
import io.mutua.collaboration.Participants;
import io.mutua.identity.SignIn;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The SMTP server goes away while emails are being queued by real flows (an invitation, a requested sign-in link, a
 * new user's welcome, plain emails): every attempt is recorded with its error, nothing is lost or given up, and once
 * the server is back every email arrives exactly once, with the Message-ID of its outbox row.
 */
@IntegrationTest
class SmtpOutageIntegrationTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    GreenMail mailServer;
    @Autowired
    TestData data;
    @Autowired
    MutualPlanFixtures fixtures;
    @Autowired
    Participants participants;
    @Autowired
    OutgoingMail outgoing;
    @Autowired
    JdbcClient jdbc;

    @Test
    void emailsQueuedWhileTheServerIsDownArriveExactlyOnceWhenItIsBack() throws Exception {
        MutualPlanFixtures.Fixture fixture = fixtures.mutualPlan();
        TestData.Seller admin = data.user("ADMIN", null);
        String tag = TestData.unique();
        String newUser = "nina-" + tag + "@test.mutua.io";
        List<String> plain = List.of("p1-" + tag + "@example.org", "p2-" + tag + "@example.org",
                "p3-" + tag + "@example.org");
        List<String> recipients = new ArrayList<>(List.of(fixture.mainContact().email(), fixture.colleague().email(),
                newUser));
        recipients.addAll(plain);

        // Other emails may be on their way to these people (notifications); only those queued from now on count.
        List<UUID> before = rows(recipients, List.of()).stream().map(Row::id).toList();
        mailServer.stop();
        try {
            participants.invite(fixture.viewer(), fixture.planId(), fixture.mainContact().id());
            BuyerClient colleague = new BuyerClient(mvc);
            colleague.get("/b/request-link");
            colleague.post("/b/request-link", "email", fixture.colleague().email());
            mvc.perform(post("/admin/users").with(SignIn.as(admin)).with(csrf())
                            .param("name", "Nina New").param("email", newUser).param("role", "REP")
                            .param("teamId", fixture.teamId().toString()).param("password", "initial password 1"))
                    .andExpect(status().is3xxRedirection());
            for (String to : plain) {
                outgoing.queue(Mail.text(to, "Outage " + tag, "Sent while the server was down", "plain"));
            }

            Awaitility.await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                    assertThat(rows(recipients, before)).extracting(Row::recipient)
                            .containsAll(recipients));
            Awaitility.await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                    assertThat(rows(recipients, before)).allSatisfy(row -> {
                        assertThat(row.status()).isEqualTo("QUEUED");
                        assertThat(row.attempts()).isGreaterThanOrEqualTo(2);
                        assertThat(row.lastError()).isNotBlank();
                    }));
            String queuePage = mvc.perform(get("/admin/mail?status=QUEUED").with(SignIn.as(admin)))
                    .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
            assertThat(queuePage).contains(fixture.mainContact().email(), newUser, "Outage " + tag);
        } finally {
            mailServer.start();
        }

        Awaitility.await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                assertThat(rows(recipients, before)).extracting(Row::status).containsOnly("SENT"));
        Inbox inbox = new Inbox(mailServer);
        List<Row> queued = rows(recipients, before);
        for (String to : recipients) {
            List<String> expected = queued.stream().filter(row -> row.recipient().equals(to))
                    .map(row -> "<" + row.id() + "@localhost>").toList();
            assertThat(inbox.of(to)).as("emails to %s, each once with its own Message-ID", to)
                    .extracting(SmtpOutageIntegrationTest::messageId)
                    .containsExactlyInAnyOrderElementsOf(expected);
        }
        MimeMessage invitation = inbox.of(fixture.mainContact().email()).stream()
                .filter(message -> Inbox.body(message).contains("/b/sign-in?token=")).findFirst().orElseThrow();
        BuyerClient invited = new BuyerClient(mvc);
        assertThat(invited.signInWith(BuyerClient.linkIn(Inbox.body(invitation))).getRedirectedUrl())
                .isEqualTo(fixture.buyerPath());
    }

    private List<Row> rows(List<String> recipients, List<UUID> except) {
        return jdbc.sql("select id, recipient, status, attempts, last_error from mail_outbox "
                        + "where recipient in (:to)")
                .param("to", recipients)
                .query((rs, n) -> new Row(rs.getObject("id", UUID.class), rs.getString("recipient"),
                        rs.getString("status"), rs.getInt("attempts"), rs.getString("last_error")))
                .list().stream()
                .filter(row -> !except.contains(row.id()))
                .toList();
    }

    private record Row(UUID id, String recipient, String status, int attempts, String lastError) {
    }

    private static String messageId(MimeMessage message) {
        try {
            return message.getMessageID();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }
}
