package io.mutua.collaboration;

import io.mutua.TestData;
import io.mutua.deals.DealDetails;
import io.mutua.deals.DealService;
import io.mutua.deals.DealView;
import io.mutua.deals.MeddpiccElement;
import io.mutua.deals.Money;
import io.mutua.deals.Qualification;
import io.mutua.deals.QualificationChange;
import io.mutua.deals.QualificationStatus;
import io.mutua.identity.Viewer;
import io.mutua.plans.PlanDetails;
import io.mutua.plans.PlanService;
import io.mutua.plans.PlanView;
import java.time.LocalDate;

/**
 * Makes deals with mutual action plans for tests: a deal, its closing plan from the playbook, every qualification
 * element confirmed (so that whatever the admin requires is met) and the conversion.
 */
final class MutualPlanMaker {

    private final DealService deals;
    private final PlanService plans;
    private final Qualification qualification;

    MutualPlanMaker(DealService deals, PlanService plans, Qualification qualification) {
        this.deals = deals;
        this.plans = plans;
        this.qualification = qualification;
    }

    /** A deal named "Deal <marker>" of the account "Account <marker>" and its closing plan. */
    PlanView closingPlan(Viewer seller, String marker) {
        DealView deal = deals.create(seller, new DealDetails("Deal " + marker, "Account " + marker,
                Money.of("50000", "EUR"), seller.userId(), LocalDate.now().plusMonths(3), null, null), "prospecting");
        return plans.generate(seller, deal.id());
    }

    PlanView mutualPlan(Viewer seller, String marker) {
        PlanView plan = closingPlan(seller, marker);
        for (MeddpiccElement element : MeddpiccElement.values()) {
            qualification.update(seller, plan.dealId(), element,
                    new QualificationChange(QualificationStatus.CONFIRMED, null, null, null), 0);
        }
        return plans.convert(seller, plan.id(), null, plan.version());
    }

    /** Sets the language buyers see and the email domains that may join by themselves. */
    PlanView describe(Viewer seller, PlanView plan, String language, String allowedDomains) {
        PlanView current = plans.get(seller, plan.id());
        return plans.describe(seller, plan.id(), new PlanDetails(language, LocalDate.now().plusMonths(2),
                LocalDate.now().plusMonths(4), allowedDomains), current.version());
    }

    static String marker() {
        return TestData.unique();
    }
}
