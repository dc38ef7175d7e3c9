package io.mutua.playbooks;

import io.mutua.web.StorableText;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;

/**
 * The step form of the playbook editor. Side follows from the owner role; the key is typed (or derived from the
 * title) only when a step is added, as it never changes afterwards. Every other rule is the playbook's own.
 */
public record StepForm(
        @Size(max = 60, message = "{validation.size}") @StorableText String key,
        @NotBlank(message = "{validation.required}") @Size(max = PlaybookContent.MAX_TITLE, message = "{validation.size}")
        @StorableText String title,
        @StorableText String guidance,
        @NotNull(message = "{validation.required}") OwnerRole ownerRole,
        @NotNull(message = "{validation.required}") Visibility visibility,
        @NotBlank(message = "{validation.required}") @StorableText String stage,
        @NotNull(message = "{validation.required}") Integer defaultDays,
        List<String> dependsOn,
        long version) {

    static final int DEFAULT_DAYS = 3;

    public StepForm {
        dependsOn = dependsOn == null ? List.of() : List.copyOf(dependsOn);
    }

    static StepForm blank(String stage, long version) {
        return new StepForm("", "", "", OwnerRole.ACCOUNT_EXECUTIVE, Visibility.SHARED, stage, DEFAULT_DAYS, List.of(),
                version);
    }

    static StepForm from(StepTemplate step, long version) {
        return new StepForm(step.key(), step.title(), step.guidance(), step.ownerRole(), step.visibility(),
                step.stage(), step.defaultDays(), step.dependsOn(), version);
    }

    StepForm withVersion(long newVersion) {
        return new StepForm(key, title, guidance, ownerRole, visibility, stage, defaultDays, dependsOn, newVersion);
    }

    /** The key the user typed, or none. */
    String typedKey() {
        return key == null || key.isBlank() ? null : key.trim();
    }

    StepTemplate toTemplate(String stepKey) {
        String text = guidance == null ? "" : guidance.replace("\r\n", "\n").strip();
        return new StepTemplate(stepKey, title == null ? null : title.trim(), text,
                ownerRole == null ? null : ownerRole.side(), ownerRole, visibility, stage,
                defaultDays == null ? 0 : defaultDays, dependsOn);
    }

    public boolean dependsOn(String candidate) {
        return dependsOn.contains(candidate);
    }
}
