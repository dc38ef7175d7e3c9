package io.mutua.playbooks;

/** Which side of the deal does a step. */
public enum Side {
    SELLER, BUYER
}
