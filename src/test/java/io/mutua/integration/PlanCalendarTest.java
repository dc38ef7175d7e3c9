package io.mutua.integration;

import static org.assertj.core.api.Assertions.assertThat;

import io.mutua.deals.DealId;
import io.mutua.plans.Audience;
import io.mutua.plans.EstimateSource;
import io.mutua.plans.MilestoneView;
import io.mutua.plans.OwnerView;
import io.mutua.plans.PlanKind;
import io.mutua.plans.PlanStatus;
import io.mutua.plans.PlanView;
import io.mutua.plans.StepStatus;
import io.mutua.plans.StepView;
import io.mutua.playbooks.Side;
import io.mutua.playbooks.Visibility;
import java.io.StringReader;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Component;
import net.fortuna.ical4j.model.component.VEvent;
import org.junit.jupiter.api.Test;
import org.springframework.context.support.ResourceBundleMessageSource;

/** The iCalendar document itself, from a plan built by hand: what calendar apps will show and how they match. */
class PlanCalendarTest {

    private static final Instant CONVERTED = Instant.parse("2027-01-04T09:00:00Z");
    private static final LocalDate DAY = LocalDate.of(2027, 3, 10);

    private final PlanCalendar calendar = new PlanCalendar(messages(), "https://mutua.example.org/");
    private final UUID milestone = UUID.randomUUID();
    private final StepView kickoff = step("Kick-off workshop", StepStatus.DONE, DAY, 4,
            List.of(new OwnerView(null, UUID.randomUUID(), "Chloe Champion", "chloe@buyer.example", null, "BUYER"),
                    new OwnerView(null, null, null, null, "ECONOMIC_BUYER", "BUYER")));
    private final StepView review = step("Security review", StepStatus.NOT_STARTED, DAY.plusDays(7), 2, List.of());
    private final StepView pilot = step("Pilot", StepStatus.SKIPPED, DAY.plusDays(14), 1, List.of());

    @Test
    void everyDatedStepIsAnAllDayEventOnItsTargetDateThatAppsCanMatchAgain() throws Exception {
        Calendar parsed = parse(calendar.render(content(plan(null, null), Locale.ENGLISH, false, Map.of())));

        assertThat(parsed.validate().getEntries()).isEmpty();
        List<VEvent> events = parsed.getComponents(Component.VEVENT);
        assertThat(events).hasSize(3);
        VEvent event = event(parsed, review.id() + "@mutua.example.org");
        assertThat(event.getStartDate().orElseThrow().getDate()).isEqualTo(review.targetDate());
        assertThat(event.getEndDate().orElseThrow().getDate()).isEqualTo(review.targetDate().plusDays(1));
        assertThat(event.getSequence().getSequenceNo()).isEqualTo(2);
        assertThat(event.getSummary().getValue()).isEqualTo("Security review · Acme Corp");
        assertThat(event.getProperty("TRANSP").orElseThrow().getValue()).isEqualTo("TRANSPARENT");
        assertThat(event.getProperty("ORGANIZER")).isEmpty();
        assertThat(event.getProperty("ATTENDEE")).isEmpty();
        assertThat(event.getDescription().getValue()).contains("Milestone: Evaluation", "Status: Not started",
                "Open the plan: https://mutua.example.org/b/plans/");
    }

    @Test
    void doneStepsStayWithACheckMarkAndSkippedStepsAreCancelled() throws Exception {
        Calendar parsed = parse(calendar.render(content(plan(null, null), Locale.ENGLISH, false, Map.of())));

        assertThat(event(parsed, kickoff.id() + "@mutua.example.org").getSummary().getValue())
                .isEqualTo("✓ Kick-off workshop · Acme Corp");
        assertThat(event(parsed, pilot.id() + "@mutua.example.org").getStatus().getValue()).isEqualTo("CANCELLED");
        assertThat(event(parsed, review.id() + "@mutua.example.org").getProperty("STATUS")).isEmpty();
    }

    @Test
    void ownersAreNamedPeopleOrTheirRoleButNeverAnEmailAddress() throws Exception {
        String ics = calendar.render(content(plan(null, null), Locale.ENGLISH, false, Map.of()));

        assertThat(event(parse(ics), kickoff.id() + "@mutua.example.org").getDescription().getValue())
                .contains("Owners: Chloe Champion, Economic buyer");
        assertThat(event(parse(ics), review.id() + "@mutua.example.org").getDescription().getValue())
                .contains("Owners: Nobody yet");
        assertThat(ics).doesNotContain("chloe@buyer.example");
    }

    @Test
    void targetSignatureAndGoLiveAreEventsOfTheirOwnVersionedWithThePlan() throws Exception {
        PlanView plan = plan(DAY.plusDays(30), DAY.plusDays(60));
        Calendar parsed = parse(calendar.render(content(plan, Locale.ENGLISH, false, Map.of())));

        assertThat(parsed.getComponents(Component.VEVENT)).hasSize(5);
        VEvent signature = event(parsed, plan.id() + "-signature@mutua.example.org");
        assertThat(signature.getStartDate().orElseThrow().getDate()).isEqualTo(DAY.plusDays(30));
        assertThat(signature.getSummary().getValue()).isEqualTo("Target signature · Acme Corp");
        assertThat(signature.getSequence().getSequenceNo()).isEqualTo(7);
        assertThat(event(parsed, plan.id() + "-go-live@mutua.example.org").getSummary().getValue())
                .isEqualTo("Target go-live · Acme Corp");
    }

    @Test
    void theSamePlanGivesTheSameBytesAndEachEventSaysWhenItLastChanged() throws Exception {
        Instant moved = Instant.parse("2027-02-01T15:30:00Z");
        CalendarContent content = content(plan(null, null), Locale.ENGLISH, false, Map.of(review.id(), moved));

        String ics = calendar.render(content);
        assertThat(calendar.render(content)).isEqualTo(ics);
        Calendar parsed = parse(ics);
        VEvent changed = event(parsed, review.id() + "@mutua.example.org");
        assertThat(changed.getLastModified().getDate()).isEqualTo(moved);
        assertThat(changed.getDateStamp().orElseThrow().getDate()).isEqualTo(moved);
        assertThat(event(parsed, pilot.id() + "@mutua.example.org").getLastModified().getDate()).isEqualTo(CONVERTED);
    }

    @Test
    void theCalendarIsNamedAfterTheAccountInTheReadersLanguage() throws Exception {
        Calendar english = parse(calendar.render(content(plan(null, null), Locale.ENGLISH, true, Map.of())));
        Calendar greek = parse(calendar.render(content(plan(null, null), Locale.forLanguageTag("el"), false,
                Map.of())));

        assertThat(english.getProperty("X-WR-CALNAME").orElseThrow().getValue())
                .isEqualTo("Acme Corp · mutual action plan · my steps");
        assertThat(greek.getProperty("X-WR-CALNAME").orElseThrow().getValue())
                .isEqualTo("Acme Corp · κοινό πλάνο δράσης");
        assertThat(greek.getProperty("NAME").orElseThrow().getValue()).isEqualTo("Acme Corp · κοινό πλάνο δράσης");
        assertThat(event(greek, review.id() + "@mutua.example.org").getDescription().getValue())
                .contains("Ορόσημο: Evaluation", "Κατάσταση: Δεν ξεκίνησε");
    }

    private CalendarContent content(PlanView plan, Locale locale, boolean mine, Map<UUID, Instant> changes) {
        return new CalendarContent(plan, plan.steps(), "Acme Corp", locale,
                "https://mutua.example.org/b/plans/" + plan.id(), mine, changes);
    }

    private PlanView plan(LocalDate signature, LocalDate goLive) {
        MilestoneView evaluation = new MilestoneView(milestone, "Evaluation", 0, List.of(kickoff, review, pilot), 0);
        return new PlanView(UUID.randomUUID(), new DealId(UUID.randomUUID()), "Acme Corp", PlanKind.MUTUAL,
                PlanStatus.ACTIVE, true, "Enterprise", 1, CONVERTED.minusSeconds(86_400), DAY.plusDays(40),
                DAY.plusDays(14), true, 0, List.of(evaluation), Audience.BUYER, "en", CONVERTED, null, signature,
                goLive, null, List.of(), 7);
    }

    private StepView step(String title, StepStatus status, LocalDate target, long version, List<OwnerView> owners) {
        return new StepView(UUID.randomUUID(), milestone, 0, null, title, null, Side.BUYER, null, Visibility.SHARED,
                null, 3, EstimateSource.MANUAL, 0, status, target, target.minusDays(2), target, false, null, null,
                owners, List.of(), null, false, version);
    }

    private static VEvent event(Calendar calendar, String uid) {
        return calendar.<VEvent>getComponents(Component.VEVENT).stream()
                .filter(event -> event.getProperty("UID").orElseThrow().getValue().equals(uid))
                .findFirst().orElseThrow(() -> new AssertionError("no event " + uid + " in " + calendar));
    }

    private static Calendar parse(String ics) throws Exception {
        return new CalendarBuilder().build(new StringReader(ics));
    }

    private static ResourceBundleMessageSource messages() {
        ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
        messages.setBasename("messages");
        messages.setDefaultEncoding("UTF-8");
        messages.setFallbackToSystemLocale(false);
        return messages;
    }
}
