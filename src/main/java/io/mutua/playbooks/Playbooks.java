package io.mutua.playbooks;

import io.mutua.deals.Pipeline;
import io.mutua.deals.StageView;
import io.mutua.web.ConflictException;
import io.mutua.web.InvalidInputException;
import io.mutua.web.NotFoundException;
import io.mutua.web.StaleVersionException;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Playbooks: create, edit, duplicate, archive, and pick the one for a deal. Content edits are copy-on-write:
 * a version that a plan was generated from is frozen, and editing the playbook then starts a new version.
 */
@Service
@Transactional
public class Playbooks {

    static final int MAX_NAME = 120;
    static final int MAX_DESCRIPTION = 1000;
    static final int MAX_SEGMENT = 60;

    private final PlaybookRepository playbooks;
    private final PlaybookVersions versions;
    private final Pipeline pipeline;
    private final Clock clock;

    Playbooks(PlaybookRepository playbooks, PlaybookVersions versions, Pipeline pipeline, Clock clock) {
        this.playbooks = playbooks;
        this.versions = versions;
        this.pipeline = pipeline;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public List<PlaybookView> list(boolean includeArchived) {
        return playbooks.findAllInOrder().stream()
                .filter(playbook -> includeArchived || !playbook.archived())
                .map(this::view)
                .toList();
    }

    @Transactional(readOnly = true)
    public PlaybookView get(UUID id) {
        return view(playbook(id));
    }

    @Transactional(readOnly = true)
    public Optional<String> nameOf(UUID id) {
        return playbooks.findById(id).map(Playbook::name);
    }

    /** The content of one version, as a plan generated from it saw it. */
    @Transactional(readOnly = true)
    public Optional<PlaybookContent> content(UUID id, int contentVersion) {
        return versions.find(id, contentVersion).map(PlaybookVersions.Stored::content);
    }

    @Transactional(readOnly = true)
    public List<Integer> versionNumbers(UUID id) {
        return versions.numbers(id);
    }

    /** Every content version of a playbook, newest first. */
    @Transactional(readOnly = true)
    public List<PlaybookVersionView> history(UUID id) {
        playbook(id);
        return versions.list(id);
    }

    public PlaybookView create(PlaybookSettings settings, PlaybookContent content, UUID actor) {
        check(settings, null);
        content.validate(stageKeys());
        Instant now = clock.instant();
        Playbook playbook = Playbook.create(settings, now);
        clearOtherDefaults(settings, null);
        playbook = insert(playbook);
        versions.insert(playbook.id(), playbook.currentVersion(), content, now, actor);
        return view(playbook);
    }

    /** Replaces settings and content; when the current content is frozen the new content becomes a new version. */
    public PlaybookView update(UUID id, long expectedVersion, PlaybookSettings settings, PlaybookContent content,
            UUID actor) {
        Playbook playbook = current(id, expectedVersion);
        check(settings, playbook);
        content.validate(stageKeys());
        clearOtherDefaults(settings, playbook);
        playbook.apply(settings, clock.instant());
        writeContent(playbook, content, actor);
        return view(save(playbook));
    }

    /** Applies one edit to the current content, e.g. {@code content -> content.removeStep("poc")}. */
    public PlaybookView editContent(UUID id, long expectedVersion, UnaryOperator<PlaybookContent> edit, UUID actor) {
        Playbook playbook = current(id, expectedVersion);
        PlaybookContent content = edit.apply(currentContent(playbook)).validate(stageKeys());
        writeContent(playbook, content, actor);
        playbook.touch(clock.instant());
        return view(save(playbook));
    }

    public PlaybookView updateSettings(UUID id, long expectedVersion, PlaybookSettings settings) {
        Playbook playbook = current(id, expectedVersion);
        check(settings, playbook);
        clearOtherDefaults(settings, playbook);
        playbook.apply(settings, clock.instant());
        return view(save(playbook));
    }

    /** A copy under a new name, not the default, starting at version 1. */
    public PlaybookView duplicate(UUID id, UUID actor) {
        Playbook original = playbook(id);
        PlaybookSettings settings = original.settings();
        String name = copyName(settings.name());
        PlaybookSettings copy = new PlaybookSettings(name, settings.description(), settings.segment(),
                settings.minAmount(), settings.maxAmount(), settings.priority(), false);
        return create(copy, currentContent(original), actor);
    }

    public PlaybookView archive(UUID id, long expectedVersion, boolean archived) {
        Playbook playbook = current(id, expectedVersion);
        if (archived && playbook.isDefault()) {
            throw new ConflictException("playbooks.defaultCannotBeArchived");
        }
        playbook.archive(archived, clock.instant());
        return view(save(playbook));
    }

    /**
     * The playbook for a deal: the first active one, by priority, whose rules match; else the default one;
     * else the first active one.
     */
    @Transactional(readOnly = true)
    public Optional<PlaybookView> select(BigDecimal amount, String segment) {
        List<Playbook> active = playbooks.findAllInOrder().stream().filter(playbook -> !playbook.archived())
                .filter(playbook -> playbook.purpose() == PlaybookPurpose.CLOSING)
                .sorted(Comparator.comparingInt(Playbook::priority)).toList();
        return active.stream()
                .filter(playbook -> playbook.settings().hasRules() && playbook.settings().matches(amount, segment))
                .findFirst()
                .or(() -> active.stream().filter(Playbook::isDefault).findFirst())
                .or(() -> active.stream().findFirst())
                .map(this::view);
    }

    /** The active playbooks for onboarding plans, by name. */
    @Transactional(readOnly = true)
    public List<PlaybookView> forOnboarding() {
        return playbooks.findAllInOrder().stream()
                .filter(playbook -> !playbook.archived() && playbook.purpose() == PlaybookPurpose.ONBOARDING)
                .map(this::view)
                .toList();
    }

    @Transactional(readOnly = true)
    public PlaybookPurpose purposeOf(UUID id) {
        return playbook(id).purpose();
    }

    /** Makes a playbook one for closing deals or one for onboarding customers. */
    public PlaybookView choosePurpose(UUID id, long expectedVersion, PlaybookPurpose purpose) {
        Playbook playbook = current(id, expectedVersion);
        if (purpose != PlaybookPurpose.CLOSING && playbook.isDefault()) {
            throw new ConflictException("playbooks.defaultIsForClosing");
        }
        playbook.purpose(purpose, clock.instant());
        return view(save(playbook));
    }

    /** Hands out the current content of a playbook for a new plan, freezing that version. */
    public FrozenPlaybook freeze(UUID id) {
        Playbook playbook = playbook(id);
        versions.freeze(playbook.id(), playbook.currentVersion());
        return new FrozenPlaybook(playbook.id(), playbook.name(), playbook.currentVersion(),
                currentContent(playbook));
    }

    /** The stages a step may belong to: the open stages of the pipeline. */
    @Transactional(readOnly = true)
    public List<StageView> stages() {
        return pipeline.stages().stream().filter(stage -> !stage.closing()).toList();
    }

    private void writeContent(Playbook playbook, PlaybookContent content, UUID actor) {
        Optional<PlaybookVersions.Stored> current = versions.find(playbook.id(), playbook.currentVersion());
        if (current.isPresent() && current.get().content().equals(content)) {
            return; // nothing changed: no new version, even when the current one is frozen
        }
        boolean frozen = current.map(PlaybookVersions.Stored::frozen).orElse(true);
        if (frozen) {
            playbook.nextVersion(clock.instant());
            versions.insert(playbook.id(), playbook.currentVersion(), content, clock.instant(), actor);
        } else {
            versions.replace(playbook.id(), playbook.currentVersion(), content);
        }
    }

    private void check(PlaybookSettings settings, Playbook existing) {
        if (settings.name() == null || settings.name().isEmpty()) {
            throw new InvalidInputException("name", "validation.required");
        }
        if (settings.name().length() > MAX_NAME) {
            throw new InvalidInputException("name", "validation.maxLength", MAX_NAME);
        }
        requireStorable("name", settings.name());
        requireStorable("description", settings.description());
        requireStorable("segment", settings.segment());
        if (settings.description() != null && settings.description().length() > MAX_DESCRIPTION) {
            throw new InvalidInputException("description", "validation.maxLength", MAX_DESCRIPTION);
        }
        if (settings.segment() != null && settings.segment().length() > MAX_SEGMENT) {
            throw new InvalidInputException("segment", "validation.maxLength", MAX_SEGMENT);
        }
        if (settings.minAmount() != null && settings.minAmount().signum() < 0) {
            throw new InvalidInputException("minAmount", "validation.amount");
        }
        if (settings.minAmount() != null && settings.maxAmount() != null
                && settings.minAmount().compareTo(settings.maxAmount()) > 0) {
            throw new InvalidInputException("maxAmount", "playbooks.amountRange");
        }
        playbooks.findByName(settings.name())
                .filter(other -> existing == null || !other.id().equals(existing.id()))
                .ifPresent(other -> {
                    throw new InvalidInputException("name", "playbooks.nameTaken");
                });
    }

    private static void requireStorable(String field, String value) {
        if (value != null && value.indexOf('\u0000') >= 0) {
            throw new InvalidInputException(field, "validation.text");
        }
    }

    private void clearOtherDefaults(PlaybookSettings settings, Playbook except) {
        if (!settings.isDefault()) {
            return;
        }
        for (Playbook other : playbooks.findAllInOrder()) {
            if (other.isDefault() && (except == null || !other.id().equals(except.id()))) {
                other.notDefault();
                playbooks.save(other);
            }
        }
    }

    private String copyName(String name) {
        String base = name.length() > MAX_NAME - 12 ? name.substring(0, MAX_NAME - 12) : name;
        Set<String> taken = playbooks.findAll().stream().map(playbook -> playbook.name().toLowerCase())
                .collect(Collectors.toSet());
        String candidate = base + " (copy)";
        for (int n = 2; taken.contains(candidate.toLowerCase()); n++) {
            candidate = base + " (copy " + n + ")";
        }
        return candidate;
    }

    private Set<String> stageKeys() {
        return stages().stream().map(StageView::key).collect(Collectors.toSet());
    }

    private PlaybookContent currentContent(Playbook playbook) {
        return versions.find(playbook.id(), playbook.currentVersion()).map(PlaybookVersions.Stored::content)
                .orElseGet(PlaybookContent::empty);
    }

    private Playbook current(UUID id, long expectedVersion) {
        Playbook playbook = playbook(id);
        if (playbook.version() != expectedVersion) {
            throw new StaleVersionException("error.stale", playbook.version());
        }
        return playbook;
    }

    private Playbook playbook(UUID id) {
        return playbooks.findById(id).orElseThrow(() -> new NotFoundException("playbooks.notFound"));
    }

    private Playbook insert(Playbook playbook) {
        try {
            return playbooks.save(playbook);
        } catch (DuplicateKeyException e) {
            throw new InvalidInputException("name", "playbooks.nameTaken");
        }
    }

    private Playbook save(Playbook playbook) {
        try {
            return playbooks.save(playbook);
        } catch (OptimisticLockingFailureException e) {
            throw new StaleVersionException("error.stale", playbook(playbook.id()).version());
        }
    }

    private PlaybookView view(Playbook playbook) {
        PlaybookVersions.Stored stored = versions.find(playbook.id(), playbook.currentVersion()).orElse(null);
        return new PlaybookView(playbook.id(), playbook.settings(), playbook.archived(), playbook.currentVersion(),
                stored != null && stored.frozen(), stored == null ? PlaybookContent.empty() : stored.content(),
                playbook.updatedAt(), playbook.version());
    }
}
