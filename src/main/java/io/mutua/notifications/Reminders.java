package io.mutua.notifications;

import io.mutua.collaboration.ParticipantContacts;
import io.mutua.collaboration.ParticipantContacts.Contact;
import io.mutua.deals.DealFacts;
import io.mutua.deals.DealService;
import io.mutua.plans.BusinessCalendar;
import io.mutua.plans.Holidays;
import io.mutua.plans.OpenPlans;
import io.mutua.plans.OpenPlans.OpenPlan;
import io.mutua.plans.OpenPlans.OpenStep;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Reminders, recorded as notifications: unfinished steps due within a few business days and overdue steps go to
 * their owners, steps long overdue also to the account executive (the deal's owner), and a buyer who was invited
 * but never opened the plan is reminded twice. Each reminds a person once a day at most (the dedupe key holds the
 * person's local date), and only on business days from the reminder hour on, so nobody is woken at night or on a
 * weekend; the job runs every hour, once per cluster.
 */
@Component
class Reminders {

    static final int FIRST_INVITATION_REMINDER = 2;
    static final int LAST_INVITATION_REMINDER = 5;

    private final OpenPlans openPlans;
    private final ParticipantContacts participants;
    private final DealService deals;
    private final Holidays holidays;
    private final ReminderRecipients recipients;
    private final Notifier notifier;
    private final Preferences preferences;
    private final JdbcClient jdbc;
    private final Clock clock;
    private final int dueWithin;
    private final int escalateAfter;
    private final int fromHour;

    Reminders(OpenPlans openPlans, ParticipantContacts participants, DealService deals, Holidays holidays,
            ReminderRecipients recipients, Notifier notifier, Preferences preferences, JdbcClient jdbc, Clock clock,
            @Value("${mutua.reminders.due-within-business-days:2}") int dueWithin,
            @Value("${mutua.reminders.escalate-after-business-days:3}") int escalateAfter,
            @Value("${mutua.reminders.from-hour:7}") int fromHour) {
        this.openPlans = openPlans;
        this.participants = participants;
        this.deals = deals;
        this.holidays = holidays;
        this.recipients = recipients;
        this.notifier = notifier;
        this.preferences = preferences;
        this.jdbc = jdbc;
        this.clock = clock;
        this.dueWithin = dueWithin;
        this.escalateAfter = escalateAfter;
        this.fromHour = fromHour;
    }

    @Scheduled(cron = "${mutua.reminders.cron:0 5 * * * *}")
    @SchedulerLock(name = "reminders", lockAtLeastFor = "PT1M")
    void run() {
        remind(clock.instant());
    }

    /** Records every reminder due at {@code now}; what was recorded before (same person, same day) is skipped. */
    void remind(Instant now) {
        BusinessCalendar calendar = holidays.calendar();
        List<Notice> notices = new ArrayList<>();
        Map<String, ZoneId> zones = new HashMap<>();
        remindOfSteps(now, calendar, zones, notices);
        remindOfInvitations(now, calendar, zones, notices);
        // Most runs of a day find what earlier runs recorded: one query skips those.
        Set<String> recorded = recorded(notices.stream().map(Notice::dedupeKey).toList());
        notices.stream().filter(notice -> !recorded.contains(notice.dedupeKey())).forEach(notifier::tell);
    }

    /**
     * The time zone a person's "today" is taken in: theirs, as their notification settings say; looked up once per
     * person and run ({@code zones}), not once per step they own.
     */
    private ZoneId zoneOf(Recipient recipient, Map<String, ZoneId> zones) {
        return zones.computeIfAbsent(key(recipient), email -> preferences.zoneOf(recipient.email()));
    }

    private void remindOfSteps(Instant now, BusinessCalendar calendar, Map<String, ZoneId> zones,
            List<Notice> notices) {
        // The latest "today" anywhere on earth bounds what can be due for anyone.
        LocalDate latestToday = LocalDate.ofInstant(now, ZoneOffset.MAX);
        List<OpenStep> steps = openPlans.stepsDueBy(calendar.plusBusinessDays(calendar.onOrAfter(latestToday),
                dueWithin));
        if (steps.isEmpty()) {
            return;
        }
        Map<UUID, DealFacts> dealsById = deals.facts(steps.stream().filter(step -> step.targetDate()
                .isBefore(latestToday)).map(OpenStep::dealId).collect(Collectors.toSet()));
        ReminderRecipients.People people = recipients.lookUp(
                union(steps.stream().flatMap(step -> step.ownerUserIds().stream()).toList(),
                        dealsById.values().stream().map(DealFacts::ownerId).toList()),
                steps.stream().flatMap(step -> step.ownerParticipantIds().stream()).collect(Collectors.toSet()));
        for (OpenStep step : steps) {
            Map<String, Recipient> owners = new LinkedHashMap<>();
            step.ownerUserIds().forEach(id -> people.seller(id).ifPresent(owner -> owners.putIfAbsent(key(owner),
                    owner)));
            step.ownerParticipantIds().forEach(id -> people.participant(id, step.shared(), step.language())
                    .ifPresent(owner -> owners.putIfAbsent(key(owner), owner)));
            owners.values().forEach(owner -> remindOwner(step, owner, now, calendar, zones, notices));
            DealFacts deal = dealsById.get(step.dealId());
            if (deal != null) {
                people.seller(deal.ownerId()).filter(executive -> !owners.containsKey(key(executive)))
                        .ifPresent(executive -> escalate(step, executive, now, calendar, zones, notices));
            }
        }
    }

    private void remindOwner(OpenStep step, Recipient owner, Instant now, BusinessCalendar calendar,
            Map<String, ZoneId> zones, List<Notice> notices) {
        today(owner, now, calendar, zones).ifPresent(today -> {
            LocalDate target = step.targetDate();
            if (target.isBefore(today)) {
                addOverdue(step, owner, today, calendar, notices);
            } else if (calendar.businessDaysBetween(today, target) <= dueWithin) {
                notices.add(notice(owner, NoticeKind.STEP_DUE, step.planId(), step.id(),
                        List.of(step.title(), date(target, owner)),
                        "due:" + step.id() + ":" + key(owner) + ":" + today));
            }
        });
    }

    private void escalate(OpenStep step, Recipient executive, Instant now, BusinessCalendar calendar,
            Map<String, ZoneId> zones, List<Notice> notices) {
        today(executive, now, calendar, zones)
                .filter(today -> step.targetDate().isBefore(today)
                        && calendar.businessDaysBetween(step.targetDate(), today) >= escalateAfter)
                .ifPresent(today -> addOverdue(step, executive, today, calendar, notices));
    }

    private void addOverdue(OpenStep step, Recipient recipient, LocalDate today, BusinessCalendar calendar,
            List<Notice> notices) {
        int late = calendar.businessDaysBetween(step.targetDate(), today);
        notices.add(notice(recipient, NoticeKind.STEP_OVERDUE, step.planId(), step.id(),
                List.of(step.title(), date(step.targetDate(), recipient), Integer.toString(late)),
                "overdue:" + step.id() + ":" + key(recipient) + ":" + today));
    }

    private void remindOfInvitations(Instant now, BusinessCalendar calendar, Map<String, ZoneId> zones,
            List<Notice> notices) {
        // Anyone invited before the last reminder's day, wherever they are, is past reminding.
        LocalDate earliestToday = LocalDate.ofInstant(now, ZoneOffset.MIN);
        LocalDate firstDay = calendar.plusBusinessDays(calendar.onOrBefore(earliestToday), -LAST_INVITATION_REMINDER)
                .minusDays(1);
        List<Contact> invited = participants.invitedNeverOpened(firstDay.atStartOfDay(ZoneOffset.MAX).toInstant());
        if (invited.isEmpty()) {
            return;
        }
        Map<UUID, OpenPlan> plans = openPlans.among(invited.stream().map(Contact::planId).collect(Collectors.toSet()));
        Map<UUID, DealFacts> dealsById = deals.facts(plans.values().stream().map(OpenPlan::dealId)
                .collect(Collectors.toSet()));
        for (Contact buyer : invited) {
            OpenPlan plan = plans.get(buyer.planId());
            DealFacts deal = plan == null ? null : dealsById.get(plan.dealId());
            if (deal == null) {
                continue;
            }
            Recipient recipient = Recipient.buyer(buyer.email(), buyer.id(), plan.language());
            today(recipient, now, calendar, zones).ifPresent(today -> {
                int days = calendar.businessDaysBetween(LocalDate.ofInstant(buyer.invitedAt(), zoneOf(recipient, zones)),
                        today);
                int reminder = days == LAST_INVITATION_REMINDER ? LAST_INVITATION_REMINDER
                        : days >= FIRST_INVITATION_REMINDER && days < LAST_INVITATION_REMINDER
                                ? FIRST_INVITATION_REMINDER : 0;
                if (reminder > 0) {
                    notices.add(notice(recipient, NoticeKind.INVITATION_REMINDER, plan.id(), null,
                            List.of(deal.account()), "invite-reminder:" + buyer.id() + ":" + reminder));
                }
            });
        }
    }

    /** The person's date today, when it is a business day and the reminder hour has come there. */
    private Optional<LocalDate> today(Recipient recipient, Instant now, BusinessCalendar calendar,
            Map<String, ZoneId> zones) {
        ZonedDateTime local = now.atZone(zoneOf(recipient, zones));
        LocalDate today = local.toLocalDate();
        return local.getHour() >= fromHour && calendar.isBusinessDay(today) ? Optional.of(today) : Optional.empty();
    }

    private static Notice notice(Recipient recipient, NoticeKind kind, UUID planId, UUID stepId, List<String> args,
            String dedupeKey) {
        return new Notice(recipient, kind, planId, stepId, null, args, dedupeKey);
    }

    private Set<String> recorded(List<String> dedupeKeys) {
        if (dedupeKeys.isEmpty()) {
            return Set.of();
        }
        return Set.copyOf(jdbc.sql("select dedupe_key from notification where dedupe_key = any(:keys)")
                .param("keys", dedupeKeys.toArray(String[]::new))
                .query(String.class)
                .list());
    }

    private static String date(LocalDate date, Recipient recipient) {
        return DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM)
                .withLocale(Locale.forLanguageTag(recipient.language())).format(date);
    }

    private static String key(Recipient recipient) {
        return recipient.email().toLowerCase(Locale.ROOT);
    }

    private static Set<UUID> union(Collection<UUID> first, Collection<UUID> second) {
        return Stream.concat(first.stream(), second.stream()).collect(Collectors.toSet());
    }
}
