package io.mutua.collaboration;

import io.mutua.plans.BuyerPlans;
import io.mutua.plans.PlanChange;
import io.mutua.plans.PlanService;
import io.mutua.plans.PlanView;
import io.mutua.web.InvalidInputException;
import io.mutua.web.NotFoundException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * How buyers get in: using a magic link, asking for a fresh one (same answer whether the address is known or
 * not, rate-limited), and joining a plan that lets their email domain in.
 */
@Service
@Transactional
public class BuyerLinks {

    static final Duration WINDOW = Duration.ofHours(1);
    static final int PER_EMAIL = 3;
    static final int PER_ADDRESS = 20;

    private final MagicLinks links;
    private final LinkMails mails;
    private final ParticipantRepository participants;
    private final BuyerPlans buyerPlans;
    private final PlanService plans;
    private final JdbcClient jdbc;
    private final Clock clock;

    BuyerLinks(MagicLinks links, LinkMails mails, ParticipantRepository participants, BuyerPlans buyerPlans,
            PlanService plans, JdbcClient jdbc, Clock clock) {
        this.links = links;
        this.mails = mails;
        this.participants = participants;
        this.buyerPlans = buyerPlans;
        this.plans = plans;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Where a used link leads: the buyer's email and the plan to open (null: the portal). */
    public record Entry(String email, UUID planId) {
    }

    public enum LinkState { VALID, USED, EXPIRED, UNKNOWN }

    @Transactional(readOnly = true)
    public LinkState state(String token) {
        return LinkState.valueOf(links.state(token).name());
    }

    @Transactional(readOnly = true)
    public Optional<String> emailOf(String token) {
        return links.emailOf(token);
    }

    /** The language of the plan a link opens, if it opens one (no access check: it says nothing of the plan). */
    @Transactional(readOnly = true)
    public Optional<String> languageOf(String token) {
        return links.planOf(token).flatMap(plans::languageOf);
    }

    /**
     * Uses a link. A sign-in link opens its plan while the email is still a participant, else the portal; it opens
     * nothing for an email that no longer takes part in any plan. A join link first makes the email a participant
     * of the plan that allowed its domain.
     */
    public Optional<Entry> use(String token) {
        return links.use(token).flatMap(use -> switch (use.purpose()) {
            case SIGN_IN -> signIn(use);
            case JOIN -> join(use);
        });
    }

    /** Sends a fresh sign-in link when the address takes part in a plan; says nothing either way. */
    public void requestLink(String email, String remoteAddress) {
        String clean;
        try {
            clean = Participants.requireEmail(email);
        } catch (InvalidInputException e) {
            return;
        }
        Instant now = clock.instant();
        boolean allowed = count("lower(email) = lower(:key)", clean, now) < PER_EMAIL
                && count("remote_addr = :key", remoteAddress, now) < PER_ADDRESS;
        jdbc.sql("insert into link_request (email, remote_addr, at) values (:email, :addr, :now)")
                .param("email", clean).param("addr", remoteAddress).param("now", Timestamp.from(now)).update();
        List<Participant> on = participants.findActiveBuyer(clean);
        if (allowed && !on.isEmpty()) {
            String language = plans.languageOf(on.get(0).planId()).orElse(null);
            mails.signInLink(clean, language, on.size() == 1 ? on.get(0).planId() : null);
        }
    }

    /**
     * Sends a join link when the plan lets this email's domain in; says nothing about whether it did.
     *
     * @throws NotFoundException for a plan that is not mutual or lets no domain join by itself
     */
    public void requestJoin(UUID planId, String email, String remoteAddress) {
        PlanView plan = joinable(planId);
        String clean = Participants.requireEmail(email);
        Instant now = clock.instant();
        boolean allowed = count("lower(email) = lower(:key)", clean, now) < PER_EMAIL
                && count("remote_addr = :key", remoteAddress, now) < PER_ADDRESS;
        jdbc.sql("insert into link_request (email, remote_addr, at) values (:email, :addr, :now)")
                .param("email", clean).param("addr", remoteAddress).param("now", Timestamp.from(now)).update();
        if (allowed && domainAllowed(planId, clean)) {
            mails.joinLink(clean, plan.dealName(), plan.language(), planId);
        }
    }

    /** The plan a join page is for: only mutual plans that let some domain in. */
    @Transactional(readOnly = true)
    public PlanView joinable(UUID planId) {
        String domains = plans.allowedDomains(planId);
        if (domains == null) {
            throw new NotFoundException("plans.notFound");
        }
        return buyerPlans.view(planId);
    }

    private Optional<Entry> signIn(MagicLinks.Use use) {
        List<Participant> active = participants.findActiveBuyer(use.email());
        if (active.isEmpty()) {
            return Optional.empty();
        }
        boolean onPlan = use.planId() != null && active.stream().anyMatch(p -> p.planId().equals(use.planId()));
        return Optional.of(new Entry(use.email(), onPlan ? use.planId() : null));
    }

    private Optional<Entry> join(MagicLinks.Use use) {
        if (use.planId() == null || !domainAllowed(use.planId(), use.email())) {
            return Optional.empty();
        }
        Optional<Participant> existing = participants.findOnPlan(use.planId(), use.email());
        if (existing.isPresent() && !existing.get().buyer()) {
            return Optional.empty();
        }
        if (existing.isEmpty()) {
            String name = use.email().substring(0, use.email().indexOf('@'));
            participants.save(Participant.buyer(use.planId(), name, use.email(), null, null, clock.instant()));
            plans.recordActivity(use.planId(), null, null, null, PlanChange.PARTICIPANT_JOINED, name, null,
                    use.email(), false);
        } else if (!existing.get().active()) {
            return Optional.empty();
        }
        return Optional.of(new Entry(use.email(), use.planId()));
    }

    private boolean domainAllowed(UUID planId, String email) {
        String domains = plans.allowedDomains(planId);
        return domains != null && domainIn(domains, email);
    }

    private static boolean domainIn(String domains, String email) {
        String domain = email.substring(email.indexOf('@') + 1).toLowerCase(Locale.ROOT);
        return Arrays.stream(domains.split(",\\s*")).anyMatch(domain::equals);
    }

    private int count(String condition, String key, Instant now) {
        return jdbc.sql("select count(*) from link_request where " + condition + " and at > :since")
                .param("key", key)
                .param("since", Timestamp.from(now.minus(WINDOW)))
                .query(Integer.class)
                .single();
    }
}
