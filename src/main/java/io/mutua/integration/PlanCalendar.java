package io.mutua.integration;

import io.mutua.plans.MilestoneView;
import io.mutua.plans.OwnerView;
import io.mutua.plans.PlanView;
import io.mutua.plans.StepStatus;
import io.mutua.plans.StepView;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.stream.Collectors;
import net.fortuna.ical4j.data.CalendarOutputter;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.ParameterList;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.property.Description;
import net.fortuna.ical4j.model.property.DtStamp;
import net.fortuna.ical4j.model.property.LastModified;
import net.fortuna.ical4j.model.property.Name;
import net.fortuna.ical4j.model.property.ProdId;
import net.fortuna.ical4j.model.property.RefreshInterval;
import net.fortuna.ical4j.model.property.Sequence;
import net.fortuna.ical4j.model.property.Uid;
import net.fortuna.ical4j.model.property.Url;
import net.fortuna.ical4j.model.property.XProperty;
import net.fortuna.ical4j.model.property.immutable.ImmutableCalScale;
import net.fortuna.ical4j.model.property.immutable.ImmutableStatus;
import net.fortuna.ical4j.model.property.immutable.ImmutableTransp;
import net.fortuna.ical4j.model.property.immutable.ImmutableVersion;
import net.fortuna.ical4j.validate.ValidationException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * A plan's dates as an iCalendar document (RFC 5545, written by ical4j): one all-day event per dated step on its
 * target date, and one for each key date (target signature, target go-live) that is set.
 * <ul>
 * <li>UIDs are stable ({@code <stepId>@<host>}, {@code <planId>-signature@<host>}), so calendar apps move the
 * event they already have when a date moves; SEQUENCE is the step's (or the plan's) version, which every change
 * raises.</li>
 * <li>There is no METHOD: a feed is a published calendar, not a scheduling message, so DTSTAMP is the time of the
 * item's last change, like LAST-MODIFIED. The same plan therefore always gives the same bytes.</li>
 * <li>Done steps stay, as the record of what happened, with a check mark in the title; skipped steps stay with
 * STATUS:CANCELLED, so that apps which already show them strike them out or drop them.</li>
 * <li>Events are transparent (they do not make anyone busy) and carry no organizer or attendees, so no calendar
 * app ever sends invitations from them.</li>
 * </ul>
 */
@Component
class PlanCalendar {

    static final String PRODUCT = "-//Mutua//Mutual action plans//EN";
    static final Duration REFRESH = Duration.ofHours(1);
    private static final String SEPARATOR = " · ";
    private static final String DONE = "✓ ";

    private final MessageSource messages;
    private final String baseUrl;
    private final String host;

    PlanCalendar(MessageSource messages, @Value("${mutua.base-url}") String baseUrl) {
        this.messages = messages;
        this.baseUrl = baseUrl.replaceAll("/+$", "");
        this.host = Objects.requireNonNullElse(URI.create(this.baseUrl).getHost(), "mutua");
    }

    /** The public address of a path of this installation. */
    String url(String path) {
        return baseUrl + path;
    }

    /** The calendar's name, as apps show it in their list of calendars. */
    String name(CalendarContent content) {
        String plan = t(content.plan().mutual() ? "feeds.name.mutual" : "feeds.name.closing", content.locale(),
                content.account());
        return content.mine() ? t("feeds.name.mine", content.locale(), plan) : plan;
    }

    String render(CalendarContent content) {
        PlanView plan = content.plan();
        Map<UUID, Instant> changed = content.changes();
        Instant planChanged = changed.getOrDefault(plan.id(), since(plan));
        Calendar calendar = new Calendar();
        String name = name(content);
        calendar.add(new ProdId(PRODUCT));
        calendar.add(ImmutableVersion.VERSION_2_0);
        calendar.add(ImmutableCalScale.GREGORIAN);
        calendar.add(new XProperty("X-WR-CALNAME", name));
        calendar.add(new Name(name));
        calendar.add(new RefreshInterval(new ParameterList(List.of(net.fortuna.ical4j.model.parameter.Value.DURATION)),
                REFRESH));
        calendar.add(new XProperty("X-PUBLISHED-TTL", REFRESH.toString()));
        Map<UUID, String> milestones = plan.milestones().stream()
                .collect(Collectors.toMap(MilestoneView::id, MilestoneView::title));
        for (StepView step : content.steps()) {
            if (step.targetDate() != null) {
                calendar.add(step(content, step, milestones.get(step.milestoneId()),
                        later(changed.get(step.id()), since(plan))));
            }
        }
        if (plan.targetSignature() != null) {
            calendar.add(keyDate(content, "signature", plan.targetSignature(), "feeds.keyDate.signature",
                    planChanged));
        }
        if (plan.targetGoLive() != null) {
            calendar.add(keyDate(content, "go-live", plan.targetGoLive(), "feeds.keyDate.goLive", planChanged));
        }
        StringWriter ics = new StringWriter();
        try {
            // Written as built; the tests check that it is valid, a feed must not fail on a rule it breaks.
            new CalendarOutputter(false).output(calendar, ics);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (ValidationException e) {
            throw new IllegalStateException("an unvalidated calendar was validated", e);
        }
        return ics.toString();
    }

    private VEvent step(CalendarContent content, StepView step, String milestone, Instant modified) {
        Locale locale = content.locale();
        String title = (step.status() == StepStatus.DONE ? DONE : "") + step.title() + SEPARATOR + content.account();
        List<String> lines = new ArrayList<>();
        if (milestone != null) {
            lines.add(t("feeds.event.milestone", locale, milestone));
        }
        lines.add(t("feeds.event.owners", locale, owners(step, locale)));
        lines.add(t("feeds.event.status", locale, t("stepStatus." + step.status().name(), locale)));
        VEvent event = event(content, step.targetDate(), title, step.id().toString(), step.version(), modified,
                lines);
        if (step.status() == StepStatus.SKIPPED) {
            event.add(ImmutableStatus.VEVENT_CANCELLED);
        }
        return event;
    }

    private VEvent keyDate(CalendarContent content, String key, LocalDate date, String titleKey, Instant modified) {
        String title = t(titleKey, content.locale(), content.account());
        return event(content, date, title, content.plan().id() + "-" + key, content.plan().version(), modified,
                List.of(t("feeds.event.keyDate", content.locale())));
    }

    private VEvent event(CalendarContent content, LocalDate date, String title, String uid, long version,
            Instant modified, List<String> lines) {
        VEvent event = new VEvent(date, date.plusDays(1), title);
        List<String> description = new ArrayList<>(lines);
        description.add(t("feeds.event.open", content.locale(), content.planUrl()));
        event.add(new Uid(uid + "@" + host));
        event.add(new Sequence((int) Math.min(Integer.MAX_VALUE, Math.max(0, version))));
        event.replace(new DtStamp(modified));
        event.add(new LastModified(modified));
        event.add(new Description(String.join("\n", description)));
        event.add(new Url(URI.create(content.planUrl())));
        event.add(ImmutableTransp.TRANSPARENT);
        return event;
    }

    private String owners(StepView step, Locale locale) {
        List<String> names = step.owners().stream().map(owner -> owner(owner, locale)).filter(Objects::nonNull)
                .toList();
        return names.isEmpty() ? t("plans.step.noOwner", locale) : String.join(", ", names);
    }

    /** A person by name (never by email: feeds travel), a placeholder by its role. */
    private String owner(OwnerView owner, Locale locale) {
        if (owner.person()) {
            return owner.name();
        }
        return owner.role() == null ? null
                : messages.getMessage("ownerRole." + owner.role(), null, owner.role(), locale);
    }

    /** A step the activity log records no change of is as old as the plan in its current form. */
    private static Instant since(PlanView plan) {
        return plan.convertedAt() != null ? plan.convertedAt() : plan.generatedAt();
    }

    private static Instant later(Instant a, Instant b) {
        return a == null ? b : b == null || a.isAfter(b) ? a : b;
    }

    private String t(String key, Locale locale, Object... args) {
        return messages.getMessage(key, args, locale);
    }
}
