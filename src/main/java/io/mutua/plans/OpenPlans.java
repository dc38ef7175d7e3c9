package io.mutua.plans;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Plans still being worked on (active or signed) across all deals, read in one query each for system work such as
 * reminders; no access check, never for display.
 */
@Component
public class OpenPlans {

    private static final String OPEN = "p.status in ('ACTIVE', 'SIGNED')";

    private final JdbcClient jdbc;

    OpenPlans(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** An open plan: its deal and the language it speaks to buyers. */
    public record OpenPlan(UUID id, UUID dealId, String language) {
    }

    /**
     * An unfinished step of an open plan with its person owners (role placeholders are nobody yet): seller users
     * by user id, participants by participant id.
     */
    public record OpenStep(UUID id, UUID planId, UUID dealId, String language, String title, boolean shared,
            LocalDate targetDate, List<UUID> ownerUserIds, List<UUID> ownerParticipantIds) {
    }

    /** The unfinished steps of open plans due on or before {@code lastDay}: overdue ones included. */
    @Transactional(readOnly = true)
    public List<OpenStep> stepsDueBy(LocalDate lastDay) {
        return jdbc.sql("select s.id, s.plan_id, p.deal_id, p.language, s.title, s.visibility, s.target_date, "
                        + "array_remove(array_agg(o.user_id order by o.position), null) as users, "
                        + "array_remove(array_agg(o.participant_id order by o.position), null) as participants "
                        + "from plan_step s join plan p on p.id = s.plan_id "
                        + "left join plan_step_owner o on o.plan_step = s.id "
                        + "where " + OPEN + " and s.status not in ('DONE', 'SKIPPED') and s.target_date <= :last "
                        + "group by s.id, p.id")
                .param("last", lastDay)
                .query((rs, n) -> new OpenStep(rs.getObject("id", UUID.class), rs.getObject("plan_id", UUID.class),
                        rs.getObject("deal_id", UUID.class), rs.getString("language"), rs.getString("title"),
                        "SHARED".equals(rs.getString("visibility")), rs.getObject("target_date", LocalDate.class),
                        ids(rs, "users"), ids(rs, "participants")))
                .list();
    }

    /** Those of the given plans that are open, by id. */
    @Transactional(readOnly = true)
    public Map<UUID, OpenPlan> among(Collection<UUID> planIds) {
        if (planIds.isEmpty()) {
            return Map.of();
        }
        return jdbc.sql("select p.id, p.deal_id, p.language from plan p where p.id in (:ids) and " + OPEN)
                .param("ids", planIds)
                .query((rs, n) -> new OpenPlan(rs.getObject("id", UUID.class), rs.getObject("deal_id", UUID.class),
                        rs.getString("language")))
                .list().stream()
                .collect(Collectors.toMap(OpenPlan::id, Function.identity()));
    }

    private static List<UUID> ids(ResultSet rs, String column) throws SQLException {
        Array array = rs.getArray(column);
        return array == null ? List.of() : List.of((UUID[]) array.getArray());
    }
}
