package io.mutua.integration;

import io.mutua.plans.PlanView;
import io.mutua.plans.StepView;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * What one calendar shows: the plan as its reader may see it, the steps chosen from it, the account it is for,
 * the reader's language and the address of the plan page on the reader's side. {@code mine} names the calendar as
 * the reader's own steps; {@code changes} says when steps (by id) and the key dates (by the plan's id) last changed.
 */
record CalendarContent(PlanView plan, List<StepView> steps, String account, Locale locale, String planUrl,
        boolean mine, Map<UUID, Instant> changes) {
}
