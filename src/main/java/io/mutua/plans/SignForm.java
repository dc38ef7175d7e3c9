package io.mutua.plans;

import io.mutua.web.StorableText;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** The sign form on both plan pages: the signer types their name and title and ticks the confirmation. */
public record SignForm(
        @NotBlank(message = "{validation.required}") @Size(max = PlanSignatures.MAX_NAME, message = "{validation.size}")
        @StorableText String name,
        @NotBlank(message = "{validation.required}") @Size(max = PlanSignatures.MAX_TITLE, message = "{validation.size}")
        @StorableText String title,
        @AssertTrue(message = "{signatures.confirmRequired}") Boolean confirm) {

    /** An unticked checkbox sends nothing: not confirmed. */
    public SignForm {
        name = name == null ? "" : name;
        title = title == null ? "" : title;
        confirm = Boolean.TRUE.equals(confirm);
    }

    /** An empty form for a signer; their title on the plan is filled in. */
    public static SignForm blank(SignerView signer) {
        return new SignForm("", signer == null || signer.title() == null ? "" : signer.title(), false);
    }

    public SignatureRequest toRequest() {
        return new SignatureRequest(name, title, confirm);
    }
}
