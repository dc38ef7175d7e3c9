/**
 * The plan of a deal (closing, then mutual, then onboarding): milestones, steps with owners and dates learned from
 * history, the business-day scheduler, slip cascade and the activity log.
 */
package io.mutua.plans;
