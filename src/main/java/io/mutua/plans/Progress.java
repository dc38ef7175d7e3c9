package io.mutua.plans;

import io.mutua.playbooks.Visibility;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Where the shared steps stood when a revision was taken: status and completion day of each. Kept beside the signed
 * content to show status changes between revisions; progress is never signed.
 */
public record Progress(Map<UUID, StepProgress> steps) {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    public Progress {
        steps = new TreeMap<>(steps);
    }

    public record StepProgress(String status, LocalDate completedOn) {

        /** The status as the enum, when it is one Mutua knows (a stored snapshot could say anything). */
        public Optional<StepStatus> knownStatus() {
            return Arrays.stream(StepStatus.values()).filter(known -> known.name().equals(status)).findFirst();
        }
    }

    static Progress of(PlanView plan, ZoneId zone) {
        Map<UUID, StepProgress> steps = new TreeMap<>();
        plan.steps().stream().filter(step -> step.visibility() == Visibility.SHARED)
                .forEach(step -> steps.put(step.id(), new StepProgress(step.status().name(),
                        step.completedAt() == null ? null : LocalDate.ofInstant(step.completedAt(), zone))));
        return new Progress(steps);
    }

    Optional<StepProgress> of(UUID stepId) {
        return Optional.ofNullable(steps.get(stepId));
    }

    String toJson() {
        ObjectNode root = JSON.createObjectNode();
        steps.forEach((id, progress) -> {
            ObjectNode step = root.putObject(id.toString());
            step.put("status", progress.status());
            if (progress.completedOn() == null) {
                step.putNull("completedOn");
            } else {
                step.put("completedOn", progress.completedOn().toString());
            }
        });
        return JSON.writeValueAsString(root);
    }

    static Progress fromJson(String json) {
        Map<UUID, StepProgress> steps = new TreeMap<>();
        JsonNode root = JSON.readTree(json);
        for (Map.Entry<String, JsonNode> entry : root.properties()) {
            JsonNode completed = entry.getValue().path("completedOn");
            steps.put(UUID.fromString(entry.getKey()), new StepProgress(entry.getValue().path("status").asString(""),
                    completed.isString() ? LocalDate.parse(completed.asString()) : null));
        }
        return new Progress(steps);
    }
}
