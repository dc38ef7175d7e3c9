package io.mutua.collaboration;

import java.util.UUID;

/** A step one may comment on or attach a document to. */
public record StepChoice(UUID id, String title) {
}
