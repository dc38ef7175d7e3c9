package io.mutua.deals;

import io.mutua.identity.Role;
import io.mutua.identity.SetupCompleted;
import io.mutua.identity.UserSummary;
import io.mutua.identity.Users;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Sample deals for a new installation: about thirty deals of the sample team across all stages, won and lost
 * ones included, with a stage history spread over the last twelve months. Runs inside the setup transaction,
 * so setup and its sample data succeed or fail together.
 */
@Component
class SampleDeals {

    static final int COUNT = 30;
    private static final int WON = 8;
    private static final int LOST = 6;

    private static final List<String> ACCOUNTS = List.of("Aegean Logistics", "Nordwind Energy", "Helios Pharma",
            "Bluefin Insurance", "Castellan Bank", "Orion Retail", "Meridian Health", "Atlas Telecom",
            "Kestrel Airlines", "Olympia Foods", "Vantage Media", "Pelagos Shipping", "Ironbridge Steel",
            "Lumen Software", "Cypress Hotels", "Thessaly Agritech", "Quanta Semiconductors", "Riverstone Mutual",
            "Northgate University", "Zephyr Mobility", "Argo Freight", "Solace Care", "Granite Construction",
            "Polaris Analytics", "Ithaca Wines", "Corinth Capital", "Marathon Sports", "Delphi Research",
            "Santorini Resorts", "Hermes Payments");
    private static final List<String> PROJECTS = List.of("Enterprise rollout", "Platform renewal",
            "Regional expansion", "Analytics suite", "Procurement automation", "Customer portal", "Security upgrade",
            "Group-wide licence");
    private static final List<String> WIN_REASONS = List.of("Best fit for their approval process",
            "Champion drove the business case", "Faster time to value than the incumbent",
            "Strong references from their industry");
    private static final List<String> LOSS_REASONS = List.of("Budget frozen for the year",
            "Chose the incumbent's bundle", "No executive sponsor", "Lost to a lower price");
    /** Deals from this amount on are in the Enterprise segment, the others Mid-market. */
    private static final BigDecimal ENTERPRISE_FROM = BigDecimal.valueOf(100_000);
    /** Typical calendar days spent in each open stage, in pipeline order. */
    private static final int[] TYPICAL_DAYS = {8, 14, 18, 12, 10};

    private final DealRepository deals;
    private final StageHistory history;
    private final Pipeline pipeline;
    private final Users users;
    private final Clock clock;

    SampleDeals(DealRepository deals, StageHistory history, Pipeline pipeline, Users users, Clock clock) {
        this.deals = deals;
        this.history = history;
        this.pipeline = pipeline;
        this.users = users;
        this.clock = clock;
    }

    @EventListener
    @Order(SetupCompleted.ORDER_SAMPLE_DEALS)
    void on(SetupCompleted setup) {
        if (!setup.withSampleData()) {
            return;
        }
        List<UserSummary> sellers = users.teamMembers(setup.sampleTeamId()).stream()
                .filter(user -> user.role() == Role.REP || user.role() == Role.MANAGER)
                .toList();
        if (sellers.isEmpty()) {
            return;
        }
        List<StageView> open = pipeline.stages().stream().filter(stage -> !stage.closing()).toList();
        Random random = new Random(42);
        for (int i = 0; i < COUNT; i++) {
            Outcome outcome = i < WON ? Outcome.WON : i < WON + LOST ? Outcome.LOST : null;
            create(i, outcome, open, sellers.get(i % sellers.size()), random);
        }
    }

    private void create(int index, Outcome outcome, List<StageView> open, UserSummary owner, Random random) {
        Instant now = clock.instant();
        int reached = outcome == Outcome.WON ? open.size() - 1
                : outcome == Outcome.LOST ? random.nextInt(open.size())
                : (index - WON - LOST) % open.size();
        List<String> path = new ArrayList<>(open.subList(0, reached + 1).stream().map(StageView::key).toList());
        if (outcome != null) {
            path.add(pipeline.closingStage(outcome).key());
        }
        // Walk back in time from the latest change: closed deals ended 1-7 months ago, open ones moved recently.
        Instant last = outcome != null ? now.minus(Duration.ofDays(20 + random.nextInt(200)))
                : now.minus(Duration.ofDays(1 + random.nextInt(20)));
        List<Instant> times = new ArrayList<>();
        Instant at = last;
        times.add(at);
        for (int step = path.size() - 2; step >= 0; step--) {
            int typical = TYPICAL_DAYS[Math.min(step, TYPICAL_DAYS.length - 1)];
            at = at.minus(Duration.ofDays(Math.max(2, Math.round(typical * (0.5 + random.nextDouble())))))
                    .minus(Duration.ofHours(random.nextInt(8)));
            times.add(0, at);
        }
        String account = ACCOUNTS.get(index % ACCOUNTS.size());
        String name = account + " · " + PROJECTS.get(random.nextInt(PROJECTS.size()));
        BigDecimal amount = BigDecimal.valueOf(10_000 + 500L * random.nextInt(780)).setScale(2);
        String currency = random.nextInt(4) == 0 ? "USD" : "EUR";
        LocalDate lastDay = LocalDate.ofInstant(last, clock.getZone());
        LocalDate expectedClose = outcome != null ? lastDay
                : LocalDate.now(clock).plusDays(10 + random.nextInt(110));
        String reason = outcome == Outcome.WON ? WIN_REASONS.get(random.nextInt(WIN_REASONS.size()))
                : outcome == Outcome.LOST ? LOSS_REASONS.get(random.nextInt(LOSS_REASONS.size())) : null;
        DealStatus status = outcome == null ? DealStatus.OPEN : outcome.status();
        Deal deal = new Deal(UUID.randomUUID(), name, account, amount, currency, owner.id(),
                path.get(path.size() - 1), status, expectedClose, "SAMPLE-" + (1001 + index),
                amount.compareTo(ENTERPRISE_FROM) >= 0 ? "Enterprise" : "Mid-market", reason, null, null,
                outcome == null ? null : last, times.get(0), last, null);
        deals.save(deal);
        for (int step = 0; step < path.size(); step++) {
            history.append(deal.id(), step == 0 ? null : path.get(step - 1), path.get(step), times.get(step),
                    owner.id());
        }
    }
}
