package io.mutua.deals;

/** A pipeline stage; {@code outcome} is set on the two closing stages only. */
public record StageView(String key, String name, int position, int probability, boolean triggersPlan,
        Outcome outcome, long version) {

    public boolean closing() {
        return outcome != null;
    }
}
