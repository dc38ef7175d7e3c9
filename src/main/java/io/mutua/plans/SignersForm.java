package io.mutua.plans;

import java.util.List;
import java.util.UUID;

/** Who signs: the seller signer and the buyers whose signature is required, with the version the choice was read at. */
public record SignersForm(UUID seller, List<UUID> buyers, long version) {

    public SignersForm {
        buyers = buyers == null ? List.of() : List.copyOf(buyers);
    }
}
