package io.mutua.collaboration;

import io.mutua.web.StorableText;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.UUID;

/** The "add a colleague" form of the participants panel. */
public record ColleagueForm(
        @NotNull(message = "{validation.required}") UUID userId,
        @Size(max = Participants.MAX_TITLE, message = "{validation.size}") @StorableText String title) {

    static ColleagueForm blank() {
        return new ColleagueForm(null, "");
    }
}
