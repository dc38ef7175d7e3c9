package io.mutua.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import com.icegreen.greenmail.util.GreenMail;
import io.mutua.IntegrationTest;
import io.mutua.TestData;
import io.mutua.collaboration.Inbox;
import io.mutua.identity.SignIn;
import jakarta.servlet.http.Cookie;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * The admin's mail queue: counts by status, the latest emails with their attempts and last error (never their
 * content), a filter by status, and "retry now" for one email or for every failed one — which then arrive.
 */
@IntegrationTest
class MailQueueAdminIntegrationTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    TestData data;
    @Autowired
    OutgoingMail outgoing;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    GreenMail mailServer;

    TestData.Seller admin;
    String tag;
    Inbox inbox;

    @BeforeEach
    void anAdmin() {
        admin = data.user("ADMIN", null);
        tag = TestData.unique();
        inbox = new Inbox(mailServer);
    }

    @Test
    void theQueueShowsWhatFailedAndWhyButNeverTheContentAndRetryNowSendsIt() throws Exception {
        String sentTo = "sent-" + tag + "@example.org";
        String failedTo = "failed-" + tag + "@example.org";
        outgoing.queue(Mail.text(sentTo, "Delivered " + tag, "Private words " + tag, "plain"));
        inbox.await(sentTo, 1);
        UUID failed = failedEmail(failedTo, "Stuck " + tag, "Relay said: 554 no thanks " + tag);

        String all = page(get("/admin/mail"));
        assertThat(all).contains("Mail queue", "Delivered " + tag, "Stuck " + tag, failedTo,
                "Relay said: 554 no thanks " + tag, "Failed", "Sent", "Retry all failed")
                .doesNotContain("Private words " + tag);
        String onlyFailed = page(get("/admin/mail?status=FAILED"));
        assertThat(onlyFailed).contains("Stuck " + tag).doesNotContain("Delivered " + tag);
        String onlySent = page(get("/admin/mail?status=SENT"));
        assertThat(onlySent).contains("Delivered " + tag).doesNotContain("Stuck " + tag);

        MockHttpServletResponse retried = mvc.perform(post("/admin/mail/" + failed + "/retry")
                .with(SignIn.as(admin)).with(csrf()).header("HX-Request", "true")).andReturn().getResponse();
        assertThat(retried.getStatus()).isEqualTo(200);
        assertThat(retried.getContentAsString(StandardCharsets.UTF_8)).startsWith("<tr id=\"mail-" + failed + "\"")
                .doesNotContain("<html");

        assertThat(Inbox.subject(inbox.await(failedTo, 1))).isEqualTo("Stuck " + tag);
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> status(failed).equals("SENT"));
        assertThat(inbox.of(failedTo)).hasSize(1);
    }

    @Test
    void retryAllFailedSendsEveryFailedEmailAgain() throws Exception {
        String first = "first-" + tag + "@example.org";
        String second = "second-" + tag + "@example.org";
        failedEmail(first, "One " + tag, "timeout");
        failedEmail(second, "Two " + tag, "timeout");

        MockHttpServletResponse plain = mvc.perform(post("/admin/mail/retry-failed").with(SignIn.as(admin))
                .with(csrf())).andReturn().getResponse();
        assertThat(plain.getRedirectedUrl()).startsWith("/admin/mail?retried=");

        inbox.await(first, 1);
        inbox.await(second, 1);
        String after = page(get(plain.getRedirectedUrl()));
        assertThat(after).contains("failed emails will be sent again now");

        String failedAgain = "third-" + tag + "@example.org";
        failedEmail(failedAgain, "Three " + tag, "timeout");
        MockHttpServletResponse htmx = mvc.perform(post("/admin/mail/retry-failed").with(SignIn.as(admin))
                .with(csrf()).header("HX-Request", "true")).andReturn().getResponse();
        assertThat(htmx.getContentAsString(StandardCharsets.UTF_8)).startsWith("<div id=\"mail-queue\"")
                .doesNotContain("<html");
        inbox.await(failedAgain, 1);
    }

    @Test
    void onlyAdminsSeeTheQueueAndItSpeaksGreek() throws Exception {
        TestData.Seller rep = data.user("REP", data.team("Mail queue"));
        assertThat(mvc.perform(get("/admin/mail").with(SignIn.as(rep))).andReturn().getResponse().getStatus())
                .isIn(403, 404);
        assertThat(mvc.perform(post("/admin/mail/retry-failed").with(SignIn.as(rep)).with(csrf())).andReturn()
                .getResponse().getStatus()).isIn(403, 404);
        assertThat(mvc.perform(post("/admin/mail/" + UUID.randomUUID() + "/retry").with(SignIn.as(admin))
                .with(csrf())).andReturn().getResponse().getStatus()).isEqualTo(404);

        assertThat(page(get("/admin/mail").cookie(new Cookie("MUTUA_LANG", "el"))))
                .contains("Ουρά email", "Κάθε email που στέλνει το Mutua");
    }

    /** An email whose retries ran out: queued, then marked as the worker marks one after its last attempt. */
    private UUID failedEmail(String to, String subject, String error) {
        UUID id = UUID.randomUUID();
        jdbc.sql("insert into mail_outbox (id, kind, recipient, subject, text_body, dedupe_key, status, attempts, "
                        + "last_error, next_attempt_at, created_at) values (:id, 'plain', :to, :subject, :text, :key, "
                        + "'FAILED', 12, :error, now(), now())")
                .param("id", id).param("to", to).param("subject", subject).param("text", "Private words " + tag)
                .param("key", "failed:" + id).param("error", error).update();
        return id;
    }

    private String status(UUID id) {
        return jdbc.sql("select status from mail_outbox where id = :id").param("id", id).query(String.class).single();
    }

    private String page(MockHttpServletRequestBuilder request) throws Exception {
        MockHttpServletResponse response = mvc.perform(request.with(SignIn.as(admin))).andReturn().getResponse();
        assertThat(response.getStatus()).isEqualTo(200);
        return response.getContentAsString(StandardCharsets.UTF_8);
    }
}
