package io.mutua.plans;

/** Who is looking at a plan: the sales team sees everything; buyers only what is shared. */
public enum Audience {
    SELLER, BUYER
}
