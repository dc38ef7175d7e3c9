package io.mutua.integration;

import io.mutua.TestData;
import io.mutua.collaboration.MutualPlanFixtures;
import io.mutua.collaboration.ParticipantView;
import io.mutua.collaboration.Participants;
import io.mutua.deals.DealDetails;
import io.mutua.deals.DealService;
import io.mutua.deals.DealView;
import io.mutua.deals.MeddpiccElement;
import io.mutua.deals.Money;
import io.mutua.deals.Qualification;
import io.mutua.deals.QualificationChange;
import io.mutua.deals.QualificationStatus;
import io.mutua.identity.Viewer;
import io.mutua.plans.NewStep;
import io.mutua.plans.OwnerRef;
import io.mutua.plans.PlanService;
import io.mutua.plans.PlanView;
import io.mutua.plans.StepStatus;
import io.mutua.plans.StepUpdate;
import io.mutua.plans.StepView;
import io.mutua.playbooks.Side;
import io.mutua.playbooks.Visibility;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * Plans for spreadsheet tests: a mutual action plan worked on the way people would (dates moved, owners from both
 * sides and roles, statuses, Markdown notes in Greek, a new milestone, an empty one), and a twin — another deal of the
 * same rep with the same buyer contacts — to import into.
 */
@Component
class SpreadsheetFixtures {

    static final String GREEK_NOTES = "Σημειώσεις με **έμφαση** και λίστα:\n- πρώτο\n- δεύτερο";
    static final String NEW_MILESTONE = "Υλοποίηση – rollout";
    static final String EMPTY_MILESTONE = "Later, maybe";

    private final MutualPlanFixtures fixtures;
    private final DealService deals;
    private final PlanService plans;
    private final Qualification qualification;
    private final Participants participants;

    SpreadsheetFixtures(MutualPlanFixtures fixtures, DealService deals, PlanService plans, Qualification qualification,
            Participants participants) {
        this.fixtures = fixtures;
        this.deals = deals;
        this.plans = plans;
        this.qualification = qualification;
        this.participants = participants;
    }

    /** A mutual action plan with varied steps; returns it as it is now. */
    MutualPlanFixtures.Fixture workedPlan() {
        MutualPlanFixtures.Fixture fixture = fixtures.mutualPlan();
        Viewer viewer = fixture.viewer();
        UUID planId = fixture.planId();
        List<StepView> shared = fixture.plan().steps().stream()
                .filter(step -> step.visibility() == Visibility.SHARED).toList();
        StepView first = shared.get(0);
        plans.updateStep(viewer, planId, first.id(), first.version(), new StepUpdate(null, GREEK_NOTES,
                StepStatus.DONE, first.targetDate().plusWeeks(1), List.of(OwnerRef.user(fixture.rep().id()),
                        OwnerRef.participant(fixture.mainContact().id()), OwnerRef.role("CHAMPION")), null), false);
        StepView second = shared.get(1);
        plans.updateStep(viewer, planId, second.id(), second.version(), new StepUpdate(null, null,
                StepStatus.BLOCKED, null, List.of(OwnerRef.participant(fixture.colleague().id())), null), false);
        UUID rollout = plans.addMilestone(viewer, planId, NEW_MILESTONE).id();
        plans.addStep(viewer, planId, new NewStep(rollout, "Εκπαίδευση χρηστών", "Για όλες τις ομάδες", Side.BUYER,
                Visibility.SHARED, 5, LocalDate.now().plusMonths(2).with(java.time.DayOfWeek.TUESDAY), List.of(),
                List.of(OwnerRef.participant(fixture.mainContact().id()), OwnerRef.role("TECHNICAL_EVALUATOR"))));
        plans.addStep(viewer, planId, new NewStep(rollout, "Go-live", null, Side.SELLER, Visibility.SHARED, 2,
                LocalDate.now().plusMonths(3).with(java.time.DayOfWeek.WEDNESDAY), List.of(),
                List.of(OwnerRef.user(fixture.rep().id()))));
        plans.addMilestone(viewer, planId, EMPTY_MILESTONE);
        return withPlan(fixture, plans.get(viewer, planId));
    }

    /** Another deal of the same rep, converted, with the same buyer contacts: a fresh plan to import into. */
    PlanView twinOf(MutualPlanFixtures.Fixture fixture) {
        Viewer viewer = fixture.viewer();
        DealView deal = deals.create(viewer, new DealDetails("Twin deal " + TestData.unique(), "Twin " + fixture.tag(),
                Money.of("50000", "EUR"), fixture.rep().id(), LocalDate.now().plusMonths(3), null, null),
                "prospecting");
        PlanView closing = plans.findForDeal(viewer, deal.id()).orElseGet(() -> plans.generate(viewer, deal.id()));
        for (MeddpiccElement element : MeddpiccElement.values()) {
            qualification.update(viewer, deal.id(), element, new QualificationChange(QualificationStatus.CONFIRMED,
                    "Confirmed", element.person() ? "Qualified Person" : null,
                    element.person() ? "qualified-" + fixture.tag() + "@buyer.example" : null), 0);
        }
        PlanView plan = plans.convert(viewer, closing.id(), null, closing.version());
        for (ParticipantView buyer : List.of(fixture.mainContact(), fixture.colleague())) {
            participants.addBuyer(viewer, plan.id(), buyer.name(), buyer.email(), buyer.title(), buyer.buyingRole());
        }
        return plans.get(viewer, plan.id());
    }

    static MutualPlanFixtures.Fixture withPlan(MutualPlanFixtures.Fixture fixture, PlanView plan) {
        return new MutualPlanFixtures.Fixture(fixture.teamId(), fixture.rep(), fixture.viewer(), fixture.deal(), plan,
                fixture.mainContact(), fixture.colleague(), fixture.accountExecutive(), fixture.tag());
    }
}
