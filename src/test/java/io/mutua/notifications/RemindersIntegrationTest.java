package io.mutua.notifications;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.icegreen.greenmail.util.GreenMail;
import io.mutua.IntegrationTest;
import io.mutua.TestData;
import io.mutua.collaboration.BuyerClient;
import io.mutua.collaboration.BuyingRole;
import io.mutua.collaboration.Inbox;
import io.mutua.collaboration.MutualPlanFixtures;
import io.mutua.collaboration.MutualPlanFixtures.Fixture;
import io.mutua.collaboration.ParticipantView;
import io.mutua.collaboration.Participants;
import io.mutua.deals.DealService;
import io.mutua.deals.Outcome;
import io.mutua.identity.Users;
import io.mutua.plans.BusinessCalendar;
import io.mutua.plans.Holidays;
import io.mutua.plans.NewStep;
import io.mutua.plans.OwnerRef;
import io.mutua.plans.PlanService;
import io.mutua.plans.PlanStatus;
import io.mutua.plans.StepStatus;
import io.mutua.plans.StepUpdate;
import io.mutua.plans.StepView;
import io.mutua.playbooks.Side;
import io.mutua.playbooks.Visibility;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reminders through the real stack at pinned instants: what the hourly job records, for whom, and how often. The
 * dates lie in three weeks without holidays a month ahead, so that business days are only weekends apart; assertions
 * look only at this test's own steps and people, since other tests' plans share the database.
 */
@IntegrationTest
class RemindersIntegrationTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    Reminders reminders;
    @Autowired
    MutualPlanFixtures fixtures;
    @Autowired
    PlanService plans;
    @Autowired
    Participants participants;
    @Autowired
    DealService deals;
    @Autowired
    Holidays holidays;
    @Autowired
    Users users;
    @Autowired
    TestData data;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    Clock clock;
    @Autowired
    MockMvc mvc;
    @Autowired
    GreenMail mailServer;
    @Value("${mutua.time-zone}")
    ZoneId zone;

    private Fixture fixture;
    private TestData.Seller owner;
    /** The Monday of three weeks without holidays. */
    private LocalDate monday;

    record Reminder(String email, NoticeKind kind, List<String> args) {
    }

    @BeforeEach
    void setUp() {
        fixture = fixtures.mutualPlan();
        owner = data.user("REP", fixture.teamId());
        monday = quietMonday();
    }

    @Test
    void stepsDueWithinTwoBusinessDaysRemindTheirOwnersCountingOverTheWeekend() {
        invite(fixture.mainContact());
        TestData.Seller greek = data.user("REP", fixture.teamId());
        users.remember(greek.email(), Locale.forLanguageTag("el"));
        LocalDate friday = monday.plusDays(4);
        StepView tuesday = step("Security review", Visibility.SHARED, monday.plusDays(8), OwnerRef.user(owner.id()),
                OwnerRef.participant(fixture.mainContact().id()), OwnerRef.user(greek.id()));
        StepView wednesday = step("Legal review", Visibility.SHARED, monday.plusDays(9), OwnerRef.user(owner.id()),
                OwnerRef.participant(fixture.mainContact().id()));
        StepView internal = step("Discount approval", Visibility.INTERNAL, monday.plusDays(7),
                OwnerRef.user(owner.id()), OwnerRef.participant(fixture.mainContact().id()));

        reminders.remind(at(friday, 9));

        assertThat(remindersOf(tuesday)).containsExactlyInAnyOrder(
                new Reminder(owner.email(), NoticeKind.STEP_DUE, List.of("Security review",
                        english(monday.plusDays(8)))),
                new Reminder(fixture.mainContact().email(), NoticeKind.STEP_DUE, List.of("Security review",
                        english(monday.plusDays(8)))),
                new Reminder(greek.email(), NoticeKind.STEP_DUE, List.of("Security review",
                        DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(Locale.forLanguageTag("el"))
                                .format(monday.plusDays(8)))));
        assertThat(remindersOf(wednesday)).as("three business days ahead is not due soon").isEmpty();
        assertThat(remindersOf(internal)).as("buyers never hear about internal steps")
                .extracting(Reminder::email).containsExactly(owner.email());
        assertThat(jdbc.sql("select distinct mode from notification where step_id = :step and kind = 'STEP_DUE'")
                .param("step", tuesday.id()).query(String.class).list())
                .as("reminders wait for the morning digest by default, on both sides").containsExactly("DIGEST");

        reminders.remind(at(friday.plusDays(1), 10));
        assertThat(remindersOf(tuesday)).as("nothing on a Saturday").hasSize(3);
    }

    @Test
    void overdueStepsRemindTheirOwnersAndFromThreeBusinessDaysLateAlsoTheAccountExecutive() {
        invite(fixture.mainContact());
        LocalDate thursday = monday.plusDays(10);
        StepView twoLate = step("Reference call", Visibility.INTERNAL, monday.plusDays(8), OwnerRef.user(owner.id()));
        StepView threeLate = step("Pricing sign-off", Visibility.INTERNAL, monday.plusDays(7),
                OwnerRef.user(owner.id()));
        StepView executivesOwn = step("Kick-off", Visibility.SHARED, monday.plusDays(4),
                OwnerRef.user(fixture.rep().id()), OwnerRef.participant(fixture.mainContact().id()));
        StepView done = step("Demo", Visibility.SHARED, monday.plusDays(7), OwnerRef.user(owner.id()));
        StepView skipped = step("Workshop", Visibility.SHARED, monday.plusDays(7), OwnerRef.user(owner.id()));
        plans.updateStep(fixture.viewer(), fixture.planId(), done.id(), done.version(),
                StepUpdate.status(StepStatus.DONE), false);
        plans.updateStep(fixture.viewer(), fixture.planId(), skipped.id(), skipped.version(),
                StepUpdate.status(StepStatus.SKIPPED), false);

        reminders.remind(at(thursday, 9));

        assertThat(remindersOf(twoLate)).as("two business days late: the owner only").containsExactly(
                new Reminder(owner.email(), NoticeKind.STEP_OVERDUE, List.of("Reference call",
                        english(monday.plusDays(8)), "2")));
        assertThat(remindersOf(threeLate)).as("three business days late: the AE too").containsExactlyInAnyOrder(
                new Reminder(owner.email(), NoticeKind.STEP_OVERDUE, List.of("Pricing sign-off",
                        english(monday.plusDays(7)), "3")),
                new Reminder(fixture.rep().email(), NoticeKind.STEP_OVERDUE, List.of("Pricing sign-off",
                        english(monday.plusDays(7)), "3")));
        assertThat(remindersOf(executivesOwn)).as("an AE who owns the step is told once")
                .containsExactlyInAnyOrder(
                        new Reminder(fixture.rep().email(), NoticeKind.STEP_OVERDUE, List.of("Kick-off",
                                english(monday.plusDays(4)), "4")),
                        new Reminder(fixture.mainContact().email(), NoticeKind.STEP_OVERDUE, List.of("Kick-off",
                                english(monday.plusDays(4)), "4")));
        assertThat(remindersOf(done)).as("done steps are not overdue").isEmpty();
        assertThat(remindersOf(skipped)).as("skipped steps are not overdue").isEmpty();
    }

    @Test
    void aStepRemindsEachPersonOncePerDayFromTheMorningOn() {
        StepView step = step("Board approval", Visibility.INTERNAL, monday.plusDays(9), OwnerRef.user(owner.id()));
        LocalDate tuesday = monday.plusDays(8);

        reminders.remind(at(tuesday, 5));
        assertThat(remindersOf(step)).as("nobody is reminded at night").isEmpty();

        reminders.remind(at(tuesday, 8));
        reminders.remind(at(tuesday, 9));
        reminders.remind(at(tuesday, 17));
        assertThat(remindersOf(step)).as("hourly runs on one day").extracting(Reminder::kind)
                .containsExactly(NoticeKind.STEP_DUE);

        reminders.remind(at(tuesday.plusDays(1), 9));
        reminders.remind(at(tuesday.plusDays(1), 10));
        assertThat(remindersOf(step)).as("due today, the next day").extracting(Reminder::kind)
                .containsExactly(NoticeKind.STEP_DUE, NoticeKind.STEP_DUE);

        reminders.remind(at(tuesday.plusDays(2), 9));
        assertThat(remindersOf(step)).as("late the day after").extracting(Reminder::kind)
                .containsExactly(NoticeKind.STEP_DUE, NoticeKind.STEP_DUE, NoticeKind.STEP_OVERDUE);
    }

    @Test
    void revokedOrUninvitedBuyersAndClosedPlansGetNoReminders() {
        ParticipantView nina = participants.addBuyer(fixture.viewer(), fixture.planId(), "Nina Notyet",
                "nina-" + fixture.tag() + "@buyer.example", "Procurement", BuyingRole.PROCUREMENT);
        invite(fixture.mainContact());
        invite(fixture.colleague());
        StepView step = step("Data protection review", Visibility.SHARED, monday.plusDays(8),
                OwnerRef.participant(fixture.mainContact().id()), OwnerRef.participant(fixture.colleague().id()),
                OwnerRef.participant(nina.id()));
        long version = participants.list(fixture.viewer(), fixture.planId()).stream()
                .filter(person -> person.id().equals(fixture.colleague().id())).findFirst().orElseThrow().version();
        participants.revoke(fixture.viewer(), fixture.planId(), fixture.colleague().id(), version);

        Fixture closed = fixtures.mutualPlan();
        StepView closedStep = plans.addStep(closed.viewer(), closed.planId(), new NewStep(
                closed.plan().milestones().get(0).id(), "Contract", null, Side.SELLER, Visibility.INTERNAL, 2,
                monday.plusDays(3), List.of(), List.of(OwnerRef.user(closed.rep().id()))));
        deals.close(closed.viewer(), closed.deal().id(), Outcome.LOST, "Budget cut",
                deals.get(closed.viewer(), closed.deal().id()).version());
        await().atMost(Duration.ofSeconds(10)).until(() ->
                plans.get(closed.viewer(), closed.planId()).status() == PlanStatus.CLOSED);

        reminders.remind(at(monday.plusDays(8), 9));

        assertThat(remindersOf(step)).as("only the invited buyer who still takes part")
                .extracting(Reminder::email).containsExactly(fixture.mainContact().email());
        assertThat(jdbc.sql("select count(*) from notification where plan_id = :plan and " + REMINDER_KINDS)
                .param("plan", closed.planId()).query(Long.class).single()).as("a closed plan reminds nobody")
                .isZero();
        assertThat(remindersOf(closedStep)).isEmpty();
    }

    @Test
    void anInvitedBuyerWhoNeverOpenedThePlanIsRemindedAfterTwoAndFiveBusinessDaysOnly() throws Exception {
        invite(fixture.mainContact());
        BuyerClient opener = new BuyerClient(mvc);
        assertThat(opener.signInWith(invite(fixture.colleague())).getStatus()).isEqualTo(302);
        assertThat(opener.get(fixture.buyerPath()).getStatus()).isEqualTo(200);

        BusinessCalendar calendar = holidays.calendar();
        LocalDate invitedOn = LocalDate.ofInstant(invitedAt(fixture.mainContact()), zone);
        LocalDate first = calendar.onOrAfter(invitedOn);
        List<String> expected = List.of(fixture.deal().account());

        reminders.remind(at(calendar.plusBusinessDays(first, 1), 9));
        assertThat(invitationReminders(fixture.mainContact())).as("after one business day").isEmpty();

        reminders.remind(at(calendar.plusBusinessDays(first, 2), 9));
        reminders.remind(at(calendar.plusBusinessDays(first, 3), 9));
        assertThat(invitationReminders(fixture.mainContact())).as("after two business days, once")
                .containsExactly(new Reminder(fixture.mainContact().email(), NoticeKind.INVITATION_REMINDER,
                        expected));

        reminders.remind(at(calendar.plusBusinessDays(first, 5), 9));
        reminders.remind(at(calendar.plusBusinessDays(first, 6), 9));
        reminders.remind(at(calendar.plusBusinessDays(first, 10), 9));
        assertThat(invitationReminders(fixture.mainContact())).as("after five business days, then never again")
                .hasSize(2).allMatch(reminder -> reminder.args().equals(expected));
        assertThat(invitationReminders(fixture.colleague())).as("who opened the plan is not reminded").isEmpty();
    }

    private StepView step(String title, Visibility visibility, LocalDate target, OwnerRef... owners) {
        return plans.addStep(fixture.viewer(), fixture.planId(), new NewStep(fixture.plan().milestones().get(0).id(),
                title, null, visibility == Visibility.SHARED ? Side.BUYER : Side.SELLER, visibility, 2, target,
                List.of(), List.of(owners)));
    }

    private String invite(ParticipantView person) {
        Inbox inbox = new Inbox(mailServer);
        int before = inbox.of(person.email()).size();
        participants.invite(fixture.viewer(), fixture.planId(), person.id());
        return BuyerClient.linkIn(Inbox.body(inbox.await(person.email(), before + 1)));
    }

    private Instant invitedAt(ParticipantView person) {
        return participants.list(fixture.viewer(), fixture.planId()).stream()
                .filter(found -> found.id().equals(person.id())).findFirst().orElseThrow().invitedAt();
    }

    /** Reminders only: the steps these tests make are also assigned to people, who are told so. */
    private static final String REMINDER_KINDS = "kind in ('STEP_DUE', 'STEP_OVERDUE', 'INVITATION_REMINDER')";

    private List<Reminder> remindersOf(StepView step) {
        return reminders("step_id = :id and " + REMINDER_KINDS + " order by created_at, dedupe_key", step.id());
    }

    private List<Reminder> invitationReminders(ParticipantView person) {
        return reminders("recipient_participant_id = :id and kind = 'INVITATION_REMINDER' order by dedupe_key",
                person.id());
    }

    private List<Reminder> reminders(String condition, Object id) {
        return jdbc.sql("select recipient_email, kind, args::text as args from notification where " + condition)
                .param("id", id)
                .query((rs, n) -> new Reminder(rs.getString("recipient_email"),
                        NoticeKind.valueOf(rs.getString("kind")),
                        JSON.readValue(rs.getString("args"), new TypeReference<List<String>>() { })))
                .list();
    }

    private Instant at(LocalDate day, int hour) {
        return day.atTime(hour, 0).atZone(zone).toInstant();
    }

    private static String english(LocalDate date) {
        return DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(Locale.ENGLISH).format(date);
    }

    /** A Monday at least four weeks ahead that starts three weeks without holidays. */
    private LocalDate quietMonday() {
        BusinessCalendar calendar = holidays.calendar();
        LocalDate candidate = LocalDate.now(clock).plusWeeks(4)
                .with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        while (!quiet(candidate, calendar)) {
            candidate = candidate.plusWeeks(1);
        }
        return candidate;
    }

    private static boolean quiet(LocalDate monday, BusinessCalendar calendar) {
        for (int day = 0; day < 21; day++) {
            LocalDate date = monday.plusDays(day);
            if (date.getDayOfWeek().getValue() <= 5 && !calendar.isBusinessDay(date)) {
                return false;
            }
        }
        return true;
    }
}
