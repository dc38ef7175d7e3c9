/** Plan templates: milestones and steps with owners, visibility, durations and dependencies; versions; selection. */
package io.mutua.playbooks;
