package io.mutua.deals;

import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Every open deal in one query, for system work over the whole pipeline (the daily forecast); never for display. */
@Component
public class OpenDeals {

    private final JdbcClient jdbc;

    OpenDeals(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Transactional(readOnly = true)
    public List<DealFacts> all() {
        return jdbc.sql("select id, name, account, amount, currency, segment, owner_id, stage_key, status, "
                        + "expected_close_date, closed_at from deal where status = 'OPEN'")
                .query((rs, n) -> {
                    Timestamp closedAt = rs.getTimestamp("closed_at");
                    return new DealFacts(new DealId(rs.getObject("id", UUID.class)), rs.getString("name"),
                            rs.getString("account"), rs.getBigDecimal("amount"), rs.getString("currency"),
                            rs.getString("segment"), rs.getObject("owner_id", UUID.class), rs.getString("stage_key"),
                            DealStatus.valueOf(rs.getString("status")),
                            rs.getObject("expected_close_date", LocalDate.class),
                            closedAt == null ? null : closedAt.toInstant());
                })
                .list();
    }
}
