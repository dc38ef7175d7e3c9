package io.mutua.plans;

import java.time.LocalDate;

/** The plan-level details a seller sets: the language buyers see, key dates, domains that may self-join. */
public record PlanDetails(String language, LocalDate targetSignature, LocalDate targetGoLive, String allowedDomains) {
}
