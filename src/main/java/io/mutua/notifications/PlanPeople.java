package io.mutua.notifications;

import java.time.LocalDate;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Who is on a plan and around a step, read straight from the tables for notifications (a read model: it changes
 * nothing and is read within the transaction of the change, after the change was written).
 */
@Component
class PlanPeople {

    private final JdbcClient jdbc;

    PlanPeople(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A seller user or a buyer participant; exactly one id is set. */
    record Ref(UUID userId, UUID participantId) {

        static Ref user(UUID userId) {
            return new Ref(userId, null);
        }

        static Ref participant(UUID participantId) {
            return new Ref(null, participantId);
        }

        String key() {
            return userId != null ? "u:" + userId : "p:" + participantId;
        }
    }

    /** An active participant of a plan; a seller participant is known by its user. */
    record Member(Ref ref, UUID participantId, String name, String email, boolean buyer, boolean mainContact) {
    }

    record PlanFacts(UUID id, UUID dealId, String dealName, String account, String language, boolean mutual,
            UUID dealOwnerId) {
    }

    record StepFacts(UUID id, String title, boolean shared, LocalDate targetDate) {
    }

    Optional<PlanFacts> plan(UUID planId) {
        return jdbc.sql("select p.id, p.deal_id, d.name, d.account, p.language, p.kind, d.owner_id from plan p "
                        + "join deal d on d.id = p.deal_id where p.id = :plan")
                .param("plan", planId)
                .query((rs, n) -> new PlanFacts(rs.getObject("id", UUID.class), rs.getObject("deal_id", UUID.class),
                        rs.getString("name"), rs.getString("account"), rs.getString("language"),
                        "MUTUAL".equals(rs.getString("kind")), rs.getObject("owner_id", UUID.class)))
                .optional();
    }

    Optional<StepFacts> step(UUID stepId) {
        return jdbc.sql("select id, title, visibility, target_date from plan_step where id = :step")
                .param("step", stepId)
                .query((rs, n) -> new StepFacts(rs.getObject("id", UUID.class), rs.getString("title"),
                        "SHARED".equals(rs.getString("visibility")), rs.getObject("target_date", LocalDate.class)))
                .optional();
    }

    /** The people who own a step now (role placeholders are nobody yet). */
    Set<Ref> owners(UUID stepId) {
        return new LinkedHashSet<>(jdbc.sql("select user_id, participant_id from plan_step_owner "
                        + "where plan_step = :step and role is null order by position")
                .param("step", stepId)
                .query((rs, n) -> ref(rs.getObject("user_id", UUID.class),
                        rs.getObject("participant_id", UUID.class)))
                .list());
    }

    /** The people who commented on a step. */
    Set<Ref> commenters(UUID stepId) {
        return new LinkedHashSet<>(jdbc.sql("select distinct author_user_id, author_participant_id from comment "
                        + "where step_id = :step")
                .param("step", stepId)
                .query((rs, n) -> ref(rs.getObject("author_user_id", UUID.class),
                        rs.getObject("author_participant_id", UUID.class)))
                .list());
    }

    /** Everyone whose access to the plan has not ended. */
    List<Member> members(UUID planId) {
        return jdbc.sql("select id, user_id, name, email, side, main_contact from participant "
                        + "where plan_id = :plan and revoked_at is null order by created_at, id")
                .param("plan", planId)
                .query((rs, n) -> {
                    UUID user = rs.getObject("user_id", UUID.class);
                    boolean buyer = "BUYER".equals(rs.getString("side"));
                    UUID id = rs.getObject("id", UUID.class);
                    return new Member(buyer ? Ref.participant(id) : Ref.user(user), id, rs.getString("name"), rs.getString("email"), buyer, rs.getBoolean("main_contact"));
                })
                .list();
    }

    /** A seller owner is known by the user; a buyer owner by the participant. */
    private static Ref ref(UUID userId, UUID participantId) {
        return userId != null ? Ref.user(userId) : Ref.participant(participantId);
    }
}
