package io.mutua.plans;

import io.mutua.deals.DealId;
import java.time.Instant;
import java.util.UUID;

/** A mutual action plan became SIGNED: every required signer of both sides holds a valid signature. */
public record PlanSigned(UUID planId, DealId dealId, Instant at) {
}
