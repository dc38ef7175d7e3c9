package io.mutua.collaboration;

import io.mutua.plans.MilestoneView;
import io.mutua.plans.PlanKind;
import io.mutua.plans.PlanStatus;
import io.mutua.plans.PlanView;
import io.mutua.plans.StepView;
import io.mutua.web.Paths;
import java.text.Collator;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The buyer portal: every mutual action plan the signed-in buyer takes part in, across deals and sellers. */
@Controller
public class BuyerPortalController {

    private final BuyerAccess access;

    BuyerPortalController(BuyerAccess access) {
        this.access = access;
    }

    public record PortalPage(String email, List<PortalPlan> plans) {
    }

    /** One plan as the portal lists it: only what buyers see of it; {@code next} is the next shared step due. */
    public record PortalPlan(UUID planId, String account, PlanStatus status, LocalDate targetSignature,
            LocalDate targetGoLive, int progress, StepView next, String nextMilestone, PlanKind kind) {

        public boolean onboarding() {
            return kind == PlanKind.ONBOARDING;
        }

        public String path() {
            return Paths.BUYER + "/plans/" + planId;
        }

        public boolean closed() {
            return status == PlanStatus.CLOSED;
        }

        static PortalPlan of(PlanView plan) {
            StepView next = null;
            String milestone = null;
            for (MilestoneView candidate : plan.milestones()) {
                for (StepView step : candidate.steps()) {
                    if (!step.status().finished() && step.targetDate() != null
                            && (next == null || step.targetDate().isBefore(next.targetDate()))) {
                        next = step;
                        milestone = candidate.title();
                    }
                }
            }
            return new PortalPlan(plan.id(), plan.dealName(), plan.status(), plan.targetSignature(),
                    plan.targetGoLive(), plan.progress(), next, milestone, plan.kind());
        }
    }

    @GetMapping(Paths.BUYER)
    String portal(Buyer buyer, Locale locale, Model model) {
        Collator byName = Collator.getInstance(locale);
        List<PortalPlan> plans = access.plans(buyer.email()).stream().map(PortalPlan::of)
                .sorted(Comparator.comparing(PortalPlan::account, byName)).toList();
        model.addAttribute("page", new PortalPage(buyer.email(), plans));
        return "buyer/portal";
    }
}
