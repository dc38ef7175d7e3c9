package io.mutua.collaboration;

import io.mutua.web.StorableText;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** The "add a buyer contact" form of the participants panel. */
public record BuyerContactForm(
        @NotBlank(message = "{validation.required}") @Size(max = Participants.MAX_NAME, message = "{validation.size}")
        @StorableText String name,
        @NotBlank(message = "{validation.required}") @Email(message = "{validation.email}")
        @Size(max = 254, message = "{validation.size}") @StorableText String email,
        @Size(max = Participants.MAX_TITLE, message = "{validation.size}") @StorableText String title,
        BuyingRole buyingRole) {

    static BuyerContactForm blank() {
        return new BuyerContactForm("", "", "", null);
    }
}
