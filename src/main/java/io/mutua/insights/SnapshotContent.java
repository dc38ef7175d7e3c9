package io.mutua.insights;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * The content of a deal's snapshot at close, schema 1, stored as JSON exactly in this shape (field names are the
 * JSON names; absent values are null). Adding a field is compatible; renaming or removing one needs schema 2.
 * <ul>
 * <li>{@code deal}: the deal's facts, how it ended (outcome, the listed reason's label, free-text details,
 * competitor) and its stage history with the time of each change.</li>
 * <li>{@code plan}: the deal's sales plan (closing or mutual), null when it had none: kind, status before the close,
 * playbook, key dates and every milestone with its steps — baseline vs target vs completion and the slip in
 * business days (completion day, or the close day when unfinished, minus the baseline; positive is late).</li>
 * <li>{@code signatures}: every signature of a mutual plan with its status at close (VALID or OUTDATED).</li>
 * <li>{@code participants}: both sides, with buying role and engagement.</li>
 * <li>{@code engagement}: buyer visits, comments per side, buyer changes and the last buyer activity.</li>
 * </ul>
 */
public record SnapshotContent(int schema, DealPart deal, PlanPart plan, List<SignaturePart> signatures,
        List<ParticipantPart> participants, EngagementPart engagement) {

    public static final int SCHEMA = 1;

    public record DealPart(String id, String name, String account, BigDecimal amount, String currency,
            String segment, String ownerName, Instant createdAt, Instant closedAt, String outcome, String reason,
            String details, String competitor, List<StageChangePart> stages) {
    }

    public record StageChangePart(String fromStage, String toStage, String toStageName, Instant at) {
    }

    public record PlanPart(String id, String kind, String statusBeforeClose, String playbookName,
            Integer playbookVersion, Instant generatedAt, Instant convertedAt, LocalDate expectedClose,
            LocalDate plannedEnd, LocalDate targetSignature, LocalDate targetGoLive, List<MilestonePart> milestones) {

        public List<StepPart> steps() {
            return milestones.stream().flatMap(milestone -> milestone.steps().stream()).toList();
        }
    }

    public record MilestonePart(String title, List<StepPart> steps) {
    }

    public record StepPart(String key, String title, String milestone, String side, String visibility,
            List<OwnerPart> owners, LocalDate baselineDate, LocalDate targetDate, LocalDate completedOn,
            String status, int slipDays, String estimateSource) {
    }

    public record OwnerPart(String name, String side, String role) {
    }

    public record SignaturePart(String side, String name, String title, Instant signedAt, int revision,
            String status) {
    }

    public record ParticipantPart(String side, String name, String title, String buyingRole, boolean mainContact,
            Instant invitedAt, Instant lastSeen, int visits, boolean revoked) {
    }

    public record EngagementPart(int buyerVisits, int buyerComments, int sellerComments, int buyerChanges,
            Instant lastBuyerActivity) {
    }
}
