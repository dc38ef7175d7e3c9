package io.mutua.deals;

import io.mutua.identity.UserSummary;
import io.mutua.identity.Users;
import io.mutua.web.ResultPage;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Read side of deals: filtered, paged, visibility applied in SQL; owners fetched in one batch. */
@Component
class DealQueries {

    private static final String SELECT = "select d.*, s.name as stage_name, r.label as close_reason_label from deal d "
            + "join stage s on s.key = d.stage_key left join close_reason r on r.id = d.close_reason_id ";

    private final JdbcClient jdbc;
    private final Users users;
    private final Clock clock;

    DealQueries(JdbcClient jdbc, Users users, Clock clock) {
        this.jdbc = jdbc;
        this.users = users;
        this.clock = clock;
    }

    private record Row(UUID id, String name, String account, BigDecimal amount, String currency,
            UUID ownerId, String stageKey, String stageName, DealStatus status, LocalDate expectedCloseDate,
            String crmRef, String segment, String closeReason, Instant closedAt, Instant createdAt, Instant updatedAt,
            long version, UUID closeReasonId, String closeReasonLabel, String competitor) {
    }

    ResultPage<DealView> search(DealAccess.Scope scope, DealSearch search) {
        StringBuilder where = new StringBuilder(" where true");
        Map<String, Object> params = new HashMap<>();
        if (scope.owners() != null) {
            where.append(" and d.owner_id in (:owners)");
            params.put("owners", scope.owners());
        }
        if (scope.wonOnly()) {
            where.append(" and d.status = 'WON'");
        }
        if (search.stage() != null) {
            where.append(" and d.stage_key = :stage");
            params.put("stage", search.stage());
        }
        if (search.status() != null) {
            where.append(" and d.status = :status");
            params.put("status", search.status().name());
        }
        if (search.ownerId() != null) {
            where.append(" and d.owner_id = :owner");
            params.put("owner", search.ownerId());
        }
        if (search.text() != null) {
            where.append(" and (d.name ilike :text or d.account ilike :text or d.crm_ref ilike :text)");
            params.put("text", "%" + escapeLike(search.text()) + "%");
        }
        long total = jdbc.sql("select count(*) from deal d" + where).params(params).query(Long.class).single();
        List<Row> rows = jdbc.sql(SELECT + where
                        + " order by (d.status = 'OPEN') desc, d.expected_close_date nulls last, lower(d.name), d.id"
                        + " limit :limit offset :offset")
                .params(params)
                .param("limit", search.size())
                .param("offset", (long) search.page() * search.size())
                .query(DealQueries::row)
                .list();
        return new ResultPage<>(views(rows), search.page(), search.size(), total);
    }

    Optional<DealView> find(UUID id) {
        return jdbc.sql(SELECT + "where d.id = :id").param("id", id).query(DealQueries::row).optional()
                .map(row -> views(List.of(row)).get(0));
    }

    List<DealView> findAll(Collection<UUID> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return views(jdbc.sql(SELECT + "where d.id in (:ids)").param("ids", ids).query(DealQueries::row).list());
    }

    List<StageChangeView> history(UUID dealId, boolean open) {
        record Change(String from, String fromName, String to, String toName, Instant at, UUID actor) {
        }
        List<Change> changes = jdbc.sql("select h.from_stage, f.name as from_name, h.to_stage, t.name as to_name, "
                        + "h.changed_at, h.actor_id from deal_stage_history h "
                        + "left join stage f on f.key = h.from_stage join stage t on t.key = h.to_stage "
                        + "where h.deal_id = :deal order by h.changed_at, h.id")
                .param("deal", dealId)
                .query((rs, n) -> new Change(rs.getString("from_stage"), rs.getString("from_name"),
                        rs.getString("to_stage"), rs.getString("to_name"), instant(rs, "changed_at"),
                        rs.getObject("actor_id", UUID.class)))
                .list();
        Map<UUID, UserSummary> actors = users.byIds(changes.stream().map(Change::actor)
                .filter(Objects::nonNull).collect(Collectors.toSet()));
        List<StageChangeView> views = new ArrayList<>();
        for (int i = 0; i < changes.size(); i++) {
            Change change = changes.get(i);
            Instant end = i + 1 < changes.size() ? changes.get(i + 1).at() : open ? clock.instant() : null;
            UserSummary actor = change.actor() == null ? null : actors.get(change.actor());
            views.add(new StageChangeView(change.from(), change.fromName(), change.to(), change.toName(), change.at(),
                    change.actor(), actor == null ? null : actor.name(), actor == null ? null : actor.email(),
                    end == null ? null : Duration.between(change.at(), end)));
        }
        return views;
    }

    /** Competitors named on earlier closed deals, for suggestions. */
    List<String> competitors() {
        return jdbc.sql("select distinct competitor from deal where competitor is not null "
                        + "order by competitor limit 200")
                .query(String.class)
                .list();
    }

    private List<DealView> views(List<Row> rows) {
        Set<UUID> ownerIds = rows.stream().map(Row::ownerId).collect(Collectors.toSet());
        Map<UUID, UserSummary> owners = users.byIds(ownerIds);
        return rows.stream().map(row -> {
            UserSummary owner = owners.get(row.ownerId());
            return new DealView(new DealId(row.id()), row.name(), row.account(), row.amount(), row.currency(),
                    row.ownerId(), owner == null ? null : owner.email(), owner == null ? null : owner.name(),
                    row.stageKey(), row.stageName(), row.status(), row.expectedCloseDate(), row.crmRef(), row.segment(),
                    row.closeReason(), row.closedAt(), row.createdAt(), row.updatedAt(), row.version(),
                    row.closeReasonId(), row.closeReasonLabel(), row.competitor());
        }).toList();
    }

    private static Row row(ResultSet rs, int n) throws SQLException {
        return new Row(rs.getObject("id", UUID.class), rs.getString("name"), rs.getString("account"),
                rs.getBigDecimal("amount"), rs.getString("currency"), rs.getObject("owner_id", UUID.class),
                rs.getString("stage_key"), rs.getString("stage_name"), DealStatus.valueOf(rs.getString("status")),
                rs.getObject("expected_close_date", LocalDate.class), rs.getString("crm_ref"), rs.getString("segment"),
                rs.getString("close_reason"), instant(rs, "closed_at"), instant(rs, "created_at"),
                instant(rs, "updated_at"), rs.getLong("version"), rs.getObject("close_reason_id", UUID.class),
                rs.getString("close_reason_label"), rs.getString("competitor"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp timestamp = rs.getTimestamp(column);
        return timestamp == null ? null : timestamp.toInstant();
    }

    static String escapeLike(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
