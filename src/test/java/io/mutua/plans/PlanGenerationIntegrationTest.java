package io.mutua.plans;

import static org.assertj.core.api.Assertions.assertThat;

import io.mutua.IntegrationTest;
import io.mutua.TestData;
import io.mutua.deals.DealDetails;
import io.mutua.deals.DealId;
import io.mutua.deals.DealService;
import io.mutua.deals.DealView;
import io.mutua.deals.Money;
import io.mutua.identity.Users;
import io.mutua.identity.Viewer;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

@IntegrationTest
class PlanGenerationIntegrationTest {

    @Autowired
    TestData data;
    @Autowired
    DealService deals;
    @Autowired
    PlanService plans;
    @Autowired
    Users users;
    @Autowired
    JdbcClient jdbc;

    Viewer rep;

    @BeforeEach
    void aRep() {
        rep = users.viewer(data.user("REP", data.team("Plans")).id());
    }

    @Test
    void aDealEnteringTheTriggerStageGetsItsClosingPlanOnce() {
        DealView deal = deals.create(rep, details("Enterprise", "250000"), "prospecting");
        assertThat(planCount(deal.id())).isZero();

        deals.moveToStage(rep, deal.id(), "discovery", null);
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> planCount(deal.id()) == 1);

        PlanView plan = plans.findForDeal(rep, deal.id()).orElseThrow();
        assertThat(plan.playbookName()).isEqualTo("Enterprise new business");
        assertThat(plan.steps()).hasSizeGreaterThanOrEqualTo(15);
        assertThat(plan.steps()).allSatisfy(step -> {
            assertThat(step.targetDate()).isAfterOrEqualTo(LocalDate.now());
            assertThat(step.targetDate().getDayOfWeek().getValue()).isLessThanOrEqualTo(5);
            assertThat(step.baselineDate()).isEqualTo(step.targetDate());
        });
        assertThat(plan.steps().stream().filter(step -> step.key().equals("discovery-call")).findFirst().orElseThrow()
                .owners()).singleElement().satisfies(owner -> assertThat(owner.userId()).isEqualTo(rep.userId()));

        deals.moveToStage(rep, deal.id(), "solution", null);
        deals.moveToStage(rep, deal.id(), "discovery", null);
        Awaitility.await().during(Duration.ofMillis(500)).atMost(Duration.ofSeconds(5))
                .until(() -> planCount(deal.id()) == 1);
    }

    @Test
    void aDealCreatedPastTheTriggerStageGetsAPlanFromTheDefaultPlaybook() {
        DealView deal = deals.create(rep, details(null, "20000"), "proposal");
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> planCount(deal.id()) == 1);
        assertThat(plans.findForDeal(rep, deal.id()).orElseThrow().playbookName()).isEqualTo("Mid-market");
    }

    @Test
    void concurrentGenerationsMakeExactlyOnePlan() throws Exception {
        DealView deal = deals.create(rep, details("Enterprise", "500000"), "prospecting");
        ExecutorService pool = Executors.newFixedThreadPool(6);
        try {
            List<Callable<Object>> attempts = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                attempts.add(() -> plans.generate(rep, deal.id()));
            }
            long succeeded = pool.invokeAll(attempts).stream().filter(future -> {
                try {
                    future.get();
                    return true;
                } catch (Exception e) {
                    return false;
                }
            }).count();
            assertThat(succeeded).isEqualTo(1);
        } finally {
            pool.shutdown();
        }
        assertThat(planCount(deal.id())).isEqualTo(1);
        assertThat(jdbc.sql("select count(*) from plan_milestone m join plan p on p.id = m.plan_id "
                + "where p.deal_id = :deal").param("deal", deal.id().value()).query(Long.class).single())
                .isEqualTo(6);
    }

    @Test
    void concurrentStageMovesOfManyDealsMakeOnePlanEach() throws Exception {
        List<DealView> created = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            created.add(deals.create(rep, details("Enterprise", "300000"), "prospecting"));
        }
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Callable<Object>> moves = new ArrayList<>();
            for (DealView deal : created) {
                for (String stage : List.of("discovery", "solution", "proposal", "negotiation")) {
                    moves.add(() -> deals.moveToStage(rep, deal.id(), stage, null));
                }
            }
            pool.invokeAll(moves);
        } finally {
            pool.shutdown();
        }
        for (DealView deal : created) {
            Awaitility.await().atMost(Duration.ofSeconds(15)).until(() -> planCount(deal.id()) == 1);
        }
        Awaitility.await().during(Duration.ofMillis(500)).atMost(Duration.ofSeconds(5)).until(() ->
                created.stream().allMatch(deal -> planCount(deal.id()) == 1));
    }

    private DealDetails details(String segment, String amount) {
        return new DealDetails("Plan deal " + TestData.unique(), "Account", Money.of(amount, "EUR"), rep.userId(),
                LocalDate.now().plusMonths(4), null, segment);
    }

    private long planCount(DealId deal) {
        return jdbc.sql("select count(*) from plan where deal_id = :deal").param("deal", deal.value())
                .query(Long.class).single();
    }
}
