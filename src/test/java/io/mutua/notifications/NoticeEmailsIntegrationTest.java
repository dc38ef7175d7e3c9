package io.mutua.notifications;

import static org.assertj.core.api.Assertions.assertThat;

import io.mutua.IntegrationTest;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Every kind of notification email, in English and in Greek, to a seller and to a buyer. */
@IntegrationTest
class NoticeEmailsIntegrationTest {

    private static final PlanPeople.PlanFacts PLAN = new PlanPeople.PlanFacts(UUID.randomUUID(), UUID.randomUUID(),
            "Acme renewal", "Acme", "en", true, UUID.randomUUID());
    private static final PlanPeople.StepFacts STEP = new PlanPeople.StepFacts(UUID.randomUUID(), "Security review",
            true, LocalDate.of(2027, 3, 10));

    @Autowired
    NoticeMails mails;

    @Test
    void everyKindIsWrittenInBothLanguagesWithNothingLeftUnfilled() {
        for (NoticeKind kind : NoticeKind.values()) {
            for (Locale locale : List.of(Locale.ENGLISH, Locale.forLanguageTag("el"))) {
                for (boolean buyer : List.of(false, true)) {
                    NoticeEmail email = mails.write(notice(kind), "Anna Buyer", locale, PLAN, STEP, buyer,
                            "http://localhost:8080/unsubscribe/t0ken");
                    String html = mails.html(email);
                    String text = email.text();
                    String what = kind + " " + locale + (buyer ? " to a buyer" : " to a seller");

                    assertThat(email.subject()).as(what).startsWith("Acme · ").doesNotContainPattern("\\{\\d");
                    assertThat(text).as(what).contains(email.line(), "Security review", "Anna Buyer")
                            .doesNotContainPattern("\\{\\d");
                    Document page = Jsoup.parse(html);
                    assertThat(page.select("html").attr("lang")).as(what).isEqualTo(locale.getLanguage());
                    assertThat(page.text()).as(what).contains(email.line(), "Security review")
                            .doesNotContainPattern("\\{\\d");
                    assertThat(page.select("script, img, link, style")).as("nothing a mail client would fetch or run")
                            .isEmpty();
                    String link = page.select("a[href]").attr("href");
                    if (buyer) {
                        assertThat(link).as(what).isEqualTo(io.mutua.mail.Mail.LINK);
                    } else {
                        assertThat(link).as(what).isEqualTo("http://localhost:8080/deals/" + PLAN.dealId()
                                + "/plan#step-" + STEP.id());
                    }
                    if (locale.getLanguage().equals("el")) {
                        assertThat(text).as(what).containsPattern("[\\p{IsGreek}]{4,}").contains("Γεια σας");
                        assertThat(email.line()).as(what).containsPattern("\\p{IsGreek}");
                    } else {
                        assertThat(text).as(what).doesNotContainPattern("\\p{IsGreek}").contains("Hello");
                    }
                }
            }
        }
    }

    @Test
    void anEmailAboutThePlanOpensThePlan() {
        NoticeEmail email = mails.write(notice(NoticeKind.CONVERTED), "Sam Seller", Locale.ENGLISH, PLAN, null,
                false, "http://localhost:8080/unsubscribe/t0ken");

        assertThat(email.link()).isEqualTo("http://localhost:8080/deals/" + PLAN.dealId() + "/plan");
        assertThat(email.action()).isEqualTo("Open the plan");
        assertThat(email.text()).contains("Plan with Acme", "Open the plan: http://localhost:8080/deals/")
                .doesNotContain("Step:")
                .contains("Unsubscribe: http://localhost:8080/unsubscribe/t0ken");
        assertThat(mails.html(email)).contains("href=\"http://localhost:8080/unsubscribe/t0ken\"");
    }

    private static Notice notice(NoticeKind kind) {
        List<String> args = switch (kind) {
            case MENTIONED, COMMENTED -> List.of("Security review", "Can we move this a week?");
            case ASSIGNED, STEP_DUE -> List.of("Security review", "10 Mar 2027");
            case STEP_OVERDUE -> List.of("Security review", "10 Mar 2027", "3");
            case STEP_CHANGED -> List.of("Security review", "target date 3 Mar 2027 → 10 Mar 2027");
            case DOCUMENT_ADDED -> List.of("terms.pdf");
            case SIGNED, PARTICIPANT_ADDED, PARTICIPANT_REMOVED -> List.of("Chloe Champion");
            case INVITED, INVITATION_REMINDER -> List.of("Acme");
            case SIGNATURES_OUTDATED, CONVERTED -> List.of();
        };
        return new Notice(Recipient.buyer("anna@acme.example", UUID.randomUUID(), "en"), kind, PLAN.id(), STEP.id(),
                "Sam Seller", args, "test:" + UUID.randomUUID());
    }
}
