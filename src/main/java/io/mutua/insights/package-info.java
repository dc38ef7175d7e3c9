/** What closed deals teach: plan snapshots at close, win-loss analysis, and the onboarding handoff of won deals. */
package io.mutua.insights;
