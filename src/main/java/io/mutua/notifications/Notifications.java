package io.mutua.notifications;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * Records notifications in the transaction of the change that causes them, each with the mode its recipient
 * prefers; a notification recorded before (same dedupe key) is not recorded again.
 */
@Component
class Notifications {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final JdbcClient jdbc;
    private final Preferences preferences;
    private final Clock clock;

    Notifications(JdbcClient jdbc, Preferences preferences, Clock clock) {
        this.jdbc = jdbc;
        this.preferences = preferences;
        this.clock = clock;
    }

    /** The new notification's id and mode, or empty when it was recorded before. */
    @Transactional
    Optional<Recorded> record(Notice notice) {
        Mode mode = preferences.modeFor(notice.recipient(), notice.planId(), notice.kind());
        UUID id = UUID.randomUUID();
        int rows = jdbc.sql("insert into notification (id, plan_id, step_id, recipient_email, recipient_user_id, "
                        + "recipient_participant_id, kind, importance, args, actor_name, mode, dedupe_key, created_at) "
                        + "values (:id, :plan, :step, :email, :user, :participant, :kind, :importance, "
                        + "cast(:args as jsonb), :actor, :mode, :key, :now) on conflict (dedupe_key) do nothing")
                .param("id", id)
                .param("plan", notice.planId())
                .param("step", notice.stepId())
                .param("email", notice.recipient().email())
                .param("user", notice.recipient().userId())
                .param("participant", notice.recipient().participantId())
                .param("kind", notice.kind().name())
                .param("importance", notice.kind().importance())
                .param("args", JSON.writeValueAsString(notice.args()))
                .param("actor", notice.actorName())
                .param("mode", mode.name())
                .param("key", notice.dedupeKey())
                .param("now", Timestamp.from(clock.instant()))
                .update();
        return rows == 0 ? Optional.empty() : Optional.of(new Recorded(id, mode));
    }

    record Recorded(UUID id, Mode mode) {
    }
}
