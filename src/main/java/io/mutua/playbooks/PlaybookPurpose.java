package io.mutua.playbooks;

/** What a playbook is for: closing deals (chosen for new deals' plans) or onboarding customers after a win. */
public enum PlaybookPurpose {
    CLOSING, ONBOARDING
}
