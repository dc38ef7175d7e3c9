package io.mutua.plans;

import io.mutua.web.StorableText;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;

/**
 * The details of a mutual action plan as its form sends them, with the plan version they were read at: the
 * language buyers see, the key dates, and the email domains whose people may join by themselves.
 */
public record DetailsForm(
        @NotBlank(message = "{validation.required}") String language,
        LocalDate targetSignature,
        LocalDate targetGoLive,
        @Size(max = PlanService.MAX_DOMAINS, message = "{validation.size}") @StorableText String allowedDomains,
        long version) {

    public DetailsForm {
        allowedDomains = allowedDomains == null ? "" : allowedDomains;
    }

    static DetailsForm from(PlanView plan) {
        return new DetailsForm(plan.language(), plan.targetSignature(), plan.targetGoLive(), plan.allowedDomains(),
                plan.version());
    }

    DetailsForm withVersion(long newVersion) {
        return new DetailsForm(language, targetSignature, targetGoLive, allowedDomains, newVersion);
    }

    PlanDetails toDetails() {
        return new PlanDetails(language, targetSignature, targetGoLive, allowedDomains);
    }

    public String targetSignatureValue() {
        return targetSignature == null ? "" : targetSignature.toString();
    }

    public String targetGoLiveValue() {
        return targetGoLive == null ? "" : targetGoLive.toString();
    }
}
