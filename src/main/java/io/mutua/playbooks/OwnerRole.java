package io.mutua.playbooks;

/** Who typically owns a step, before a person is known; each role belongs to one side. */
public enum OwnerRole {
    ACCOUNT_EXECUTIVE(Side.SELLER),
    SOLUTIONS_ENGINEER(Side.SELLER),
    SALES_MANAGER(Side.SELLER),
    SELLER_LEGAL(Side.SELLER),
    EXECUTIVE_SPONSOR(Side.SELLER),
    CUSTOMER_SUCCESS(Side.SELLER),
    CHAMPION(Side.BUYER),
    ECONOMIC_BUYER(Side.BUYER),
    TECHNICAL_EVALUATOR(Side.BUYER),
    PROCUREMENT(Side.BUYER),
    BUYER_LEGAL(Side.BUYER),
    SECURITY(Side.BUYER);

    private final Side side;

    OwnerRole(Side side) {
        this.side = side;
    }

    public Side side() {
        return side;
    }
}
