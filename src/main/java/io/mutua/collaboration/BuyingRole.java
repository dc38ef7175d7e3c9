package io.mutua.collaboration;

/** The part a buyer contact plays in the decision. */
public enum BuyingRole {
    CHAMPION, ECONOMIC_BUYER, TECHNICAL_EVALUATOR, USER, LEGAL, PROCUREMENT, SECURITY, INFLUENCER, OTHER
}
