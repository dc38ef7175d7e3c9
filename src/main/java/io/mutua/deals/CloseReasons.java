package io.mutua.deals;

import io.mutua.web.InvalidInputException;
import io.mutua.web.NotFoundException;
import io.mutua.web.StaleVersionException;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The admin-managed list of reasons deals are won or lost. Every change names the version it was made on; a
 * stale one is refused. Reasons are never deleted, only retired, so closed deals keep the reason they were given.
 */
@Service
@Transactional
public class CloseReasons {

    static final int MAX_LABEL = 100;
    private static final String SELECT = "select id, outcome, label, position, active, version from close_reason ";

    private final JdbcClient jdbc;

    CloseReasons(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The reasons offered when closing with {@code outcome}, in the admin's order. */
    @Transactional(readOnly = true)
    public List<CloseReasonView> offered(Outcome outcome) {
        return jdbc.sql(SELECT + "where outcome = :outcome and active order by position, lower(label)")
                .param("outcome", outcome.name())
                .query(CloseReasons::row)
                .list();
    }

    /** Every reason, retired ones included, won before lost, in the admin's order. */
    @Transactional(readOnly = true)
    public List<CloseReasonView> all() {
        return jdbc.sql(SELECT + "order by outcome desc, position, lower(label)").query(CloseReasons::row).list();
    }

    @Transactional(readOnly = true)
    public Optional<CloseReasonView> find(UUID id) {
        return jdbc.sql(SELECT + "where id = :id").param("id", id).query(CloseReasons::row).optional();
    }

    /** The reason a deal closing with {@code outcome} may be given: known, active and of that outcome. */
    @Transactional(readOnly = true)
    public CloseReasonView usable(UUID id, Outcome outcome) {
        if (id == null) {
            throw new InvalidInputException("reasonId", "validation.required");
        }
        CloseReasonView reason = find(id)
                .orElseThrow(() -> new InvalidInputException("reasonId", "closeReasons.unknown"));
        if (!reason.active()) {
            throw new InvalidInputException("reasonId", "closeReasons.retiredReason", reason.label());
        }
        if (reason.outcome() != outcome) {
            throw new InvalidInputException("reasonId", "closeReasons.wrongOutcome", reason.label());
        }
        return reason;
    }

    public CloseReasonView add(Outcome outcome, String label) {
        if (outcome == null) {
            throw new InvalidInputException("outcome", "validation.required");
        }
        String checked = checkedLabel(label);
        UUID id = UUID.randomUUID();
        try {
            jdbc.sql("insert into close_reason (id, outcome, label, position, active, version) values (:id, "
                            + ":outcome, :label, (select coalesce(max(position), 0) + 1 from close_reason "
                            + "where outcome = :outcome), true, 0)")
                    .param("id", id).param("outcome", outcome.name()).param("label", checked)
                    .update();
        } catch (DuplicateKeyException e) {
            throw new InvalidInputException("label", "closeReasons.duplicate", checked);
        }
        return find(id).orElseThrow();
    }

    public CloseReasonView rename(UUID id, String label, long version) {
        String checked = checkedLabel(label);
        current(id, version);
        try {
            jdbc.sql("update close_reason set label = :label, version = version + 1 where id = :id")
                    .param("label", checked).param("id", id).update();
        } catch (DuplicateKeyException e) {
            throw new InvalidInputException("label", "closeReasons.duplicate", checked);
        }
        return find(id).orElseThrow();
    }

    public CloseReasonView setActive(UUID id, boolean active, long version) {
        current(id, version);
        jdbc.sql("update close_reason set active = :active, version = version + 1 where id = :id")
                .param("active", active).param("id", id).update();
        return find(id).orElseThrow();
    }

    /** Swaps a reason with its neighbour above ({@code direction} &lt; 0) or below, within its outcome. */
    public void move(UUID id, int direction, long version) {
        CloseReasonView reason = current(id, version);
        List<CloseReasonView> siblings = all().stream().filter(other -> other.outcome() == reason.outcome()).toList();
        int index = siblings.indexOf(reason);
        int target = index + (direction < 0 ? -1 : 1);
        if (target < 0 || target >= siblings.size()) {
            return;
        }
        for (int i = 0; i < siblings.size(); i++) {
            int position = i == index ? target + 1 : i == target ? index + 1 : i + 1;
            jdbc.sql("update close_reason set position = :position, version = version + 1 where id = :id")
                    .param("position", position).param("id", siblings.get(i).id()).update();
        }
    }

    private CloseReasonView current(UUID id, long version) {
        CloseReasonView reason = jdbc.sql(SELECT + "where id = :id for update").param("id", id)
                .query(CloseReasons::row).optional()
                .orElseThrow(() -> new NotFoundException("closeReasons.notFound"));
        if (reason.version() != version) {
            throw new StaleVersionException("closeReasons.stale", reason.version());
        }
        return reason;
    }

    private static String checkedLabel(String label) {
        String trimmed = label == null ? "" : label.trim();
        if (trimmed.isEmpty()) {
            throw new InvalidInputException("label", "validation.required");
        }
        if (trimmed.length() > MAX_LABEL) {
            throw new InvalidInputException("label", "validation.maxLength", MAX_LABEL);
        }
        return trimmed;
    }

    private static CloseReasonView row(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        return new CloseReasonView(rs.getObject("id", UUID.class), Outcome.valueOf(rs.getString("outcome")),
                rs.getString("label"), rs.getInt("position"), rs.getBoolean("active"), rs.getLong("version"));
    }

}
