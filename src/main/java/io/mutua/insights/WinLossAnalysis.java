package io.mutua.insights;

import io.mutua.deals.DealService;
import io.mutua.identity.Role;
import io.mutua.identity.UserSummary;
import io.mutua.identity.Viewer;
import io.mutua.insights.WinLossQueries.Choice;
import io.mutua.insights.WinLossQueries.ClosedDeal;
import io.mutua.insights.WinLossQueries.ClosedStep;
import io.mutua.insights.WinLossReport.CompetitorCount;
import io.mutua.insights.WinLossReport.CycleTime;
import io.mutua.insights.WinLossReport.Group;
import io.mutua.insights.WinLossReport.Outcomes;
import io.mutua.insights.WinLossReport.ReasonCount;
import io.mutua.insights.WinLossReport.Slip;
import io.mutua.insights.WinLossReport.StageCount;
import io.mutua.insights.WinLossReport.StepSlip;
import io.mutua.plans.BusinessCalendar;
import io.mutua.plans.Holidays;
import io.mutua.web.ForbiddenException;
import io.mutua.web.InvalidInputException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;

/**
 * Why deals are won or lost: win rates by plan, MAP size and buyer involvement, cycle times, where lost deals
 * stalled, which playbook steps slip, and the reasons and competitors named at the close. Managers see their
 * team's deals, admins everyone's; nobody else may look.
 */
@Service
public class WinLossAnalysis {

    static final int TOP_SLIPS = 15;
    static final String PLAN_MAP = "MAP";
    static final String PLAN_CLOSING = "CLOSING";
    static final String PLAN_NONE = "NONE";
    static final List<String> MAP_SIZES = List.of("0", "1-5", "6-10", "11-20", "21+");
    static final List<String> BUYERS = List.of("0", "1", "2", "3-4", "5+");

    private final WinLossQueries queries;
    private final DealService deals;
    private final Holidays holidays;
    private final Clock clock;

    WinLossAnalysis(WinLossQueries queries, DealService deals, Holidays holidays, Clock clock) {
        this.queries = queries;
        this.deals = deals;
        this.holidays = holidays;
        this.clock = clock;
    }

    /** What the viewer narrowed the analysis to; absent dates mean the last twelve months up to today. */
    public record Criteria(LocalDate from, LocalDate to, UUID team, UUID owner, UUID playbook, String segment) {

        public Criteria {
            segment = segment == null || segment.isBlank() ? null : segment.strip();
        }
    }

    /** A team, owner or playbook to narrow to. */
    public record Option(UUID id, String name) {
    }

    /** The teams, owners, playbooks and segments the viewer may narrow to. */
    public record Choices(List<Option> teams, List<Option> owners, List<Option> playbooks, List<String> segments) {
    }

    public static boolean mayAnalyse(Viewer viewer) {
        return viewer.is(Role.ADMIN) || viewer.is(Role.MANAGER);
    }

    public WinLossReport report(Viewer viewer, Criteria criteria) {
        WinLossFilter filter = filter(viewer, criteria);
        List<ClosedDeal> closed = queries.closedDeals(filter);
        List<ClosedStep> steps = queries.closedSteps(filter);
        return new WinLossReport(filter.from(), filter.to(), outcomes(closed), cycle(closed, true),
                cycle(closed, false), byPlan(closed), byMapSize(closed), byBuyers(closed), stalled(closed),
                slips(steps), reasons(closed), competitors(closed));
    }

    public Choices choices(Viewer viewer, UUID team) {
        check(viewer);
        List<Option> teams = (viewer.is(Role.ADMIN) ? queries.teams(null)
                : viewer.teamId() == null ? List.<Choice>of() : queries.teams(viewer.teamId()))
                .stream().map(c -> new Option(c.id(), c.name())).toList();
        List<Option> owners = deals.visibleOwners(viewer).stream()
                .filter(user -> user.role() != Role.CS)
                .filter(user -> team == null || team.equals(user.teamId()))
                .sorted((a, b) -> String.CASE_INSENSITIVE_ORDER.compare(a.name(), b.name()))
                .map(user -> new Option(user.id(), user.name()))
                .toList();
        List<Option> playbooks = queries.playbooks().stream().map(c -> new Option(c.id(), c.name())).toList();
        return new Choices(teams, owners, playbooks, queries.segments());
    }

    WinLossFilter filter(Viewer viewer, Criteria criteria) {
        check(viewer);
        LocalDate today = LocalDate.now(clock);
        LocalDate to = criteria.to() == null ? today : criteria.to();
        LocalDate from = criteria.from() == null ? to.minusMonths(12).plusDays(1) : criteria.from();
        if (from.isAfter(to)) {
            throw new InvalidInputException("from", "winLoss.fromAfterTo");
        }
        Set<UUID> visible = viewer.is(Role.ADMIN) ? null
                : deals.visibleOwners(viewer).stream().map(UserSummary::id).collect(Collectors.toSet());
        return new WinLossFilter(from, to, visible, criteria.team(), criteria.owner(), criteria.playbook(),
                criteria.segment());
    }

    private static void check(Viewer viewer) {
        if (!mayAnalyse(viewer)) {
            throw new ForbiddenException("winLoss.forbidden");
        }
    }

    private static Outcomes outcomes(List<ClosedDeal> closed) {
        long won = closed.stream().filter(ClosedDeal::won).count();
        return Outcomes.of(won, closed.size() - won);
    }

    private CycleTime cycle(List<ClosedDeal> closed, boolean won) {
        List<Integer> days = closed.stream().filter(deal -> deal.won() == won)
                .map(deal -> Math.toIntExact(ChronoUnit.DAYS.between(day(deal.createdAt()), day(deal.closedAt()))))
                .toList();
        return new CycleTime(days.size(), Stats.median(days), Stats.p80(days));
    }

    private static List<Group> byPlan(List<ClosedDeal> closed) {
        return groups(closed, List.of(PLAN_MAP, PLAN_CLOSING, PLAN_NONE), deal -> deal.planKind() == null ? PLAN_NONE
                : "MUTUAL".equals(deal.planKind()) ? PLAN_MAP : PLAN_CLOSING);
    }

    private static List<Group> byMapSize(List<ClosedDeal> closed) {
        return groups(closed.stream().filter(deal -> "MUTUAL".equals(deal.planKind())).toList(), MAP_SIZES,
                deal -> mapSize(deal.sharedSteps()));
    }

    private static List<Group> byBuyers(List<ClosedDeal> closed) {
        return groups(closed, BUYERS, deal -> buyers(deal.buyers()));
    }

    static String mapSize(int sharedSteps) {
        return sharedSteps == 0 ? "0" : sharedSteps <= 5 ? "1-5" : sharedSteps <= 10 ? "6-10"
                : sharedSteps <= 20 ? "11-20" : "21+";
    }

    static String buyers(int buyers) {
        return buyers <= 2 ? Integer.toString(buyers) : buyers <= 4 ? "3-4" : "5+";
    }

    private static List<Group> groups(List<ClosedDeal> closed, List<String> keys, Function<ClosedDeal, String> key) {
        Map<String, List<ClosedDeal>> grouped = closed.stream().collect(Collectors.groupingBy(key));
        return keys.stream().map(k -> new Group(k, outcomes(grouped.getOrDefault(k, List.of())))).toList();
    }

    private static List<StageCount> stalled(List<ClosedDeal> closed) {
        Map<String, List<ClosedDeal>> byStage = closed.stream()
                .filter(deal -> !deal.won() && deal.stalledStage() != null)
                .collect(Collectors.groupingBy(ClosedDeal::stalledStage, TreeMap::new, Collectors.toList()));
        return byStage.values().stream()
                .map(list -> new StageCount(list.get(0).stalledStage(), list.get(0).stalledStageName(), list.size()))
                .sorted(Comparator.comparingLong(StageCount::deals).reversed().thenComparing(StageCount::stage))
                .toList();
    }

    private List<StepSlip> slips(List<ClosedStep> steps) {
        BusinessCalendar calendar = holidays.calendar();
        Map<String, List<int[]>> byKey = new TreeMap<>();
        for (ClosedStep step : steps) {
            Instant end = step.completedAt() == null ? step.closedAt() : step.completedAt();
            int slip = calendar.businessDaysBetween(step.baseline(), day(end));
            byKey.computeIfAbsent(step.key(), k -> new ArrayList<>()).add(new int[] {slip, step.won() ? 1 : 0});
        }
        List<StepSlip> result = new ArrayList<>();
        byKey.forEach((key, slips) -> result.add(new StepSlip(key, slip(slips, s -> true),
                slip(slips, s -> s[1] == 1), slip(slips, s -> s[1] == 0))));
        return result.stream()
                .sorted(Comparator.comparing((StepSlip s) -> s.all().medianBusinessDays()).reversed()
                        .thenComparing(StepSlip::key))
                .limit(TOP_SLIPS)
                .toList();
    }

    private static Slip slip(List<int[]> slips, Predicate<int[]> which) {
        List<Integer> days = slips.stream().filter(which).map(s -> s[0]).toList();
        long late = days.stream().filter(d -> d > 0).count();
        return new Slip(days.size(), Stats.median(days), days.isEmpty() ? null : (double) late / days.size());
    }

    private static List<ReasonCount> reasons(List<ClosedDeal> closed) {
        Map<List<String>, Long> counts = closed.stream().filter(deal -> deal.reason() != null)
                .collect(Collectors.groupingBy(deal -> List.of(deal.won() ? "WON" : "LOST", deal.reason()),
                        LinkedHashMap::new, Collectors.counting()));
        return counts.entrySet().stream()
                .map(e -> new ReasonCount(e.getKey().get(0), e.getKey().get(1), e.getValue()))
                .sorted(Comparator.comparing(ReasonCount::outcome).reversed()
                        .thenComparing(Comparator.comparingLong(ReasonCount::deals).reversed())
                        .thenComparing(ReasonCount::label))
                .toList();
    }

    private static List<CompetitorCount> competitors(List<ClosedDeal> closed) {
        Map<String, List<ClosedDeal>> byName = closed.stream()
                .filter(deal -> deal.competitor() != null && !deal.competitor().isBlank())
                .collect(Collectors.groupingBy(deal -> deal.competitor().strip()));
        return byName.entrySet().stream()
                .map(e -> new CompetitorCount(e.getKey(), e.getValue().stream().filter(ClosedDeal::won).count(),
                        e.getValue().stream().filter(deal -> !deal.won()).count()))
                .sorted(Comparator.comparingLong((CompetitorCount c) -> c.won() + c.lost()).reversed()
                        .thenComparing(CompetitorCount::competitor))
                .toList();
    }

    private LocalDate day(Instant instant) {
        return LocalDate.ofInstant(instant, clock.getZone());
    }
}
