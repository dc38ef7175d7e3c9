package io.mutua.plans;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** What a date change would do before it is confirmed: the steps that move with it and the plan's end. */
public record CascadePreview(UUID stepId, String stepTitle, LocalDate from, LocalDate to, List<Move> moves,
        LocalDate oldPlanEnd, LocalDate newPlanEnd) {

    public record Move(UUID stepId, String title, LocalDate from, LocalDate to) {
    }

    public boolean movesOthers() {
        return !moves.isEmpty();
    }
}
