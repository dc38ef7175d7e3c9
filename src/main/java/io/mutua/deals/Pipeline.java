package io.mutua.deals;

import io.mutua.web.ConflictException;
import io.mutua.web.InvalidInputException;
import io.mutua.web.NotFoundException;
import io.mutua.web.StaleVersionException;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The ordered stages deals move through. Open stages can be renamed, re-weighted, reordered, added and (when
 * never used) deleted; the two closing stages, won and lost, always come last. At most one open stage triggers
 * the closing plan.
 */
@Service
@Transactional(readOnly = true)
public class Pipeline {

    private final StageRepository stages;

    Pipeline(StageRepository stages) {
        this.stages = stages;
    }

    public List<StageView> stages() {
        return stages.findAllInOrder().stream().map(Stage::view).toList();
    }

    public Optional<StageView> find(String key) {
        return key == null ? Optional.empty() : stages.findById(key).map(Stage::view);
    }

    public StageView firstOpenStage() {
        return stages().stream().filter(stage -> !stage.closing()).findFirst()
                .orElseThrow(() -> new IllegalStateException("The pipeline has no open stage"));
    }

    public Optional<StageView> triggerStage() {
        return stages().stream().filter(StageView::triggersPlan).findFirst();
    }

    /** Whether a deal in this stage has reached the field sales team: the trigger stage or an open one after it. */
    public boolean isAtOrPastTrigger(String key) {
        Optional<StageView> trigger = triggerStage();
        Optional<StageView> stage = find(key);
        return trigger.isPresent() && stage.isPresent() && !stage.get().closing()
                && stage.get().position() >= trigger.get().position();
    }

    StageView closingStage(Outcome outcome) {
        return stages().stream().filter(stage -> stage.outcome() == outcome).findFirst()
                .orElseThrow(() -> new IllegalStateException("The pipeline has no " + outcome + " stage"));
    }

    public record StageChange(String name, int probability, long version) {
    }

    @Transactional
    public void update(String key, StageChange change) {
        Stage stage = stage(key);
        checkVersion(stage, change.version());
        stage.update(change.name(), change.probability());
        save(stage);
    }

    /** Makes {@code key} the stage that triggers the closing plan, or no stage at all when {@code key} is null. */
    @Transactional
    public void makeTrigger(String key) {
        Stage target = key == null ? null : stage(key);
        if (target != null && target.outcome() != null) {
            throw new InvalidInputException("trigger", "pipeline.closingStageCannotTrigger");
        }
        for (Stage stage : stages.findAllInOrder()) {
            if (stage.triggersPlan() && stage != target) {
                stage.triggerPlans(false);
                save(stage);
            }
        }
        if (target != null && !target.triggersPlan()) {
            Stage fresh = stage(key);
            fresh.triggerPlans(true);
            save(fresh);
        }
    }

    @Transactional
    public StageView add(String name, int probability) {
        String key = uniqueKey(name);
        List<Stage> ordered = new ArrayList<>(stages.findAllInOrder());
        int firstClosing = (int) ordered.stream().filter(stage -> stage.outcome() == null).count();
        ordered.add(firstClosing, Stage.open(key, name.trim(), 0, probability));
        renumber(ordered);
        return stage(key).view();
    }

    /** Moves an open stage one place up ({@code -1}) or down ({@code +1}) among the open stages. */
    @Transactional
    public void move(String key, int direction) {
        List<Stage> ordered = new ArrayList<>(stages.findAllInOrder());
        int from = indexOf(ordered, key);
        int to = from + Integer.signum(direction);
        if (ordered.get(from).outcome() != null || to < 0 || to >= ordered.size() || ordered.get(to).outcome() != null) {
            return;
        }
        ordered.add(to, ordered.remove(from));
        renumber(ordered);
    }

    @Transactional
    public void delete(String key) {
        Stage stage = stage(key);
        if (stage.outcome() != null) {
            throw new ConflictException("pipeline.closingStageFixed");
        }
        if (stages.isUsed(key)) {
            throw new ConflictException("pipeline.stageInUse");
        }
        stages.delete(stage);
        renumber(new ArrayList<>(stages.findAllInOrder()));
    }

    private void renumber(List<Stage> ordered) {
        for (int i = 0; i < ordered.size(); i++) {
            Stage stage = ordered.get(i);
            if (stage.position() != i + 1 || stage.isNew()) {
                stage.moveTo(i + 1);
                save(stage);
            }
        }
    }

    private String uniqueKey(String name) {
        String base = Normalizer.normalize(name, Normalizer.Form.NFD)
                .replaceAll("\\p{M}", "")
                .toLowerCase(Locale.ROOT)
                .replaceAll("[^a-z0-9]+", "-")
                .replaceAll("(^-+|-+$)", "");
        if (base.isEmpty()) {
            base = "stage";
        }
        base = base.length() > 30 ? base.substring(0, 30) : base;
        String key = base;
        for (int n = 2; stages.existsById(key); n++) {
            key = base + "-" + n;
        }
        return key;
    }

    private Stage stage(String key) {
        return stages.findById(key).orElseThrow(() -> new NotFoundException("pipeline.stageNotFound", key));
    }

    private static int indexOf(List<Stage> ordered, String key) {
        for (int i = 0; i < ordered.size(); i++) {
            if (ordered.get(i).key().equals(key)) {
                return i;
            }
        }
        throw new NotFoundException("pipeline.stageNotFound", key);
    }

    private static void checkVersion(Stage stage, long expected) {
        if (stage.version() != expected) {
            throw new StaleVersionException("error.stale", stage.version());
        }
    }

    private void save(Stage stage) {
        try {
            stages.save(stage);
        } catch (OptimisticLockingFailureException e) {
            throw new StaleVersionException("error.stale", stage(stage.key()).version());
        }
    }
}
