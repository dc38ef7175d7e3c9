package io.mutua.plans;

import io.mutua.playbooks.Side;
import java.util.UUID;

/** Someone on a plan who signs it, or may be asked to: a participant of either side ({@code userId} for sellers). */
public record SignerView(UUID participantId, UUID userId, String name, String email, String title, Side side,
        boolean mainContact) {
}
