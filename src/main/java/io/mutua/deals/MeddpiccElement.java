package io.mutua.deals;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** The elements of MEDDPICC qualification; {@link #key()} is how the API names them. */
public enum MeddpiccElement {
    METRICS(false), ECONOMIC_BUYER(true), DECISION_CRITERIA(false), DECISION_PROCESS(false), PAPER_PROCESS(false),
    IDENTIFY_PAIN(false), CHAMPION(true), COMPETITION(false);

    private final boolean person;

    MeddpiccElement(boolean person) {
        this.person = person;
    }

    /** Whether the element is a person (economic buyer, champion), who gets a contact. */
    public boolean person() {
        return person;
    }

    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<MeddpiccElement> fromKey(String key) {
        return Arrays.stream(values()).filter(element -> element.key().equals(key)).findFirst();
    }
}
