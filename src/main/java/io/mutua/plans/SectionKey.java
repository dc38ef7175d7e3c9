package io.mutua.plans;

/** The buyer-facing sections of a mutual action plan. */
public enum SectionKey {
    PROBLEMS, SOLUTION, SUCCESS_CRITERIA, BUYING_PROCESS
}
