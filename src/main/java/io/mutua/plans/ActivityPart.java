package io.mutua.plans;

import io.mutua.deals.MeddpiccElement;
import io.mutua.playbooks.OwnerRole;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A piece of a logged value, typed so that a page can say it in its reader's language: a status, a date, an owner
 * role, a yes/no, a named thing ({@code messageKey}), or plain text.
 */
public record ActivityPart(String text, StepStatus status, LocalDate date, OwnerRole role, Boolean flag,
        String messageKey) {

    private static final Set<String> ROLES = Arrays.stream(OwnerRole.values()).map(OwnerRole::name)
            .collect(Collectors.toUnmodifiableSet());

    /** The pieces of a value as the activity log stored it for this kind of change. */
    static List<ActivityPart> of(PlanChange change, String value) {
        if (value == null || value.isEmpty()) {
            return List.of();
        }
        return switch (change) {
            case STATUS -> List.of(status(value));
            case TARGET_DATE, MOVED_BY_CASCADE, STEP_ADDED -> List.of(date(value));
            case PINNED -> List.of(new ActivityPart(value, null, null, null, Boolean.parseBoolean(value), null));
            case CONVERTED -> Arrays.stream(value.split(", ")).map(ActivityPart::qualificationElement).toList();
            case OWNERS -> Arrays.stream(value.split(", "))
                    .map(token -> ROLES.contains(token)
                            ? new ActivityPart(token, null, null, OwnerRole.valueOf(token), null, null) : text(token))
                    .toList();
            default -> List.of(text(value));
        };
    }

    private static ActivityPart text(String text) {
        return new ActivityPart(text, null, null, null, null, null);
    }

    private static ActivityPart status(String value) {
        try {
            return new ActivityPart(value, StepStatus.valueOf(value), null, null, null, null);
        } catch (IllegalArgumentException e) {
            return text(value);
        }
    }

    private static ActivityPart date(String value) {
        try {
            return new ActivityPart(value, null, LocalDate.parse(value), null, null, null);
        } catch (DateTimeParseException e) {
            return text(value);
        }
    }

    /** A qualification element as the conversion logged it (the API's key), by its name on the card. */
    private static ActivityPart qualificationElement(String key) {
        return MeddpiccElement.fromKey(key)
                .map(element -> new ActivityPart(key, null, null, null, null, "meddpicc." + element.name()))
                .orElseGet(() -> text(key));
    }
}
