package io.mutua.deals;

import java.math.BigDecimal;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Deals as a CRM export describes them, written by CRM id: a deal the export names for the first time is created, one
 * that differs in any imported fact is updated, and one that matches is left alone. The CRM is the source of truth for
 * the facts it exports, also for a deal that was worked on in Mutua since. Imports never generate plans and never
 * notify anyone: no {@link DealStageChanged} or {@link DealClosed} is published, only one {@link DealsImported} per
 * import ({@link #imported}). Callers check who may import.
 */
@Service
@Transactional
public class DealImports {

    /** The close reason of deals closed by an import (stored data, in English like the CRM's own). */
    static final String CLOSE_REASON = "Imported from CRM";
    /** Longest name and account, as in the deal form. */
    public static final int MAX_TEXT = DealService.MAX_TEXT;
    public static final int MAX_CRM_REF = DealService.MAX_CRM_REF;
    public static final int MAX_SEGMENT = 60;

    private final Pipeline pipeline;
    private final JdbcTemplate jdbcTemplate;
    private final JdbcClient jdbc;
    private final ApplicationEventPublisher events;

    DealImports(Pipeline pipeline, JdbcTemplate jdbcTemplate, JdbcClient jdbc, ApplicationEventPublisher events) {
        this.pipeline = pipeline;
        this.jdbcTemplate = jdbcTemplate;
        this.jdbc = jdbc;
        this.events = events;
    }

    /**
     * One deal of the export. The stage decides the status: a closing stage closes it at {@code closedAt}, which is
     * then required. {@code history} is the stages it entered, oldest first, when the import has a history file (it
     * then replaces the deal's stage history), or null.
     */
    public record ImportedDeal(String crmRef, String name, String account, Money money, UUID ownerId, String stageKey,
            Instant closedAt, LocalDate expectedClose, Instant createdAt, String segment, List<Entered> history) {

        public ImportedDeal {
            Objects.requireNonNull(crmRef, "crmRef");
            Objects.requireNonNull(stageKey, "stageKey");
            Objects.requireNonNull(createdAt, "createdAt");
            history = history == null ? null : List.copyOf(history);
        }
    }

    /** A stage the deal entered, and when. */
    public record Entered(String stageKey, Instant at) {
    }

    public enum Change {
        CREATED, UPDATED, UNCHANGED
    }

    /** What a write did to one deal. */
    public record Written(DealId deal, Change change) {
    }

    /** What {@link #write} would do to each deal, in order, without writing; an unknown owner (null) is a change. */
    @Transactional(readOnly = true)
    public List<Change> compare(List<ImportedDeal> batch) {
        return plan(batch).stream().map(Planned::change).toList();
    }

    /** Creates or updates the deals of one batch, in one transaction; returns what happened to each, in order. */
    public List<Written> write(List<ImportedDeal> batch, Instant now) {
        List<Planned> planned = plan(batch);
        List<Object[]> inserts = new ArrayList<>();
        List<Object[]> updates = new ArrayList<>();
        List<UUID> replaced = new ArrayList<>();
        List<Object[]> history = new ArrayList<>();
        for (Planned one : planned) {
            ImportedDeal deal = one.deal();
            StageView stage = one.stage();
            boolean closed = stage.closing();
            String status = closed ? stage.outcome().status().name() : DealStatus.OPEN.name();
            Instant closedAt = closed ? deal.closedAt() : null;
            if (one.change() == Change.CREATED) {
                inserts.add(new Object[] {one.id(), deal.name(), deal.account(), amount(deal), currency(deal),
                        deal.ownerId(), stage.key(), status, date(deal.expectedClose()), deal.crmRef(), deal.segment(),
                        closed ? CLOSE_REASON : null, timestamp(closedAt), timestamp(deal.createdAt()),
                        timestamp(now)});
            } else if (one.change() == Change.UPDATED) {
                Existing old = one.existing();
                String reason = !closed ? null : old.closed() && old.closeReason() != null ? old.closeReason()
                        : CLOSE_REASON;
                updates.add(new Object[] {deal.name(), deal.account(), amount(deal), currency(deal), deal.ownerId(),
                        stage.key(), status, date(deal.expectedClose()), deal.segment(), reason, timestamp(closedAt),
                        timestamp(deal.createdAt()), timestamp(now), one.id()});
            }
            if (one.change() == Change.UNCHANGED) {
                continue;
            }
            if (deal.history() != null) {
                replaced.add(one.id());
                String from = null;
                for (Entered entered : one.wantedHistory()) {
                    history.add(new Object[] {one.id(), from, entered.stageKey(), timestamp(entered.at())});
                    from = entered.stageKey();
                }
            } else if (one.existing() == null) {
                history.add(new Object[] {one.id(), null, stage.key(),
                        timestamp(closed ? closedAt : deal.createdAt())});
            } else if (!one.existing().stageKey().equals(stage.key())) {
                history.add(new Object[] {one.id(), one.existing().stageKey(), stage.key(),
                        timestamp(closed ? closedAt : now)});
            }
        }
        insertDeals(inserts);
        jdbcTemplate.batchUpdate("update deal set name = ?, account = ?, amount = ?, currency = ?, owner_id = ?, "
                + "stage_key = ?, status = ?, expected_close_date = ?, segment = ?, close_reason = ?, closed_at = ?, "
                + "created_at = ?, updated_at = ?, version = version + 1 where id = ?", updates);
        if (!replaced.isEmpty()) {
            jdbc.sql("delete from deal_stage_history where deal_id in (:ids)").param("ids", replaced).update();
        }
        insertHistory(history);
        return planned.stream().map(one -> new Written(new DealId(one.id()), one.change())).toList();
    }

    private static final String[] DEAL_COLUMN_TYPES = {"uuid", "varchar", "varchar", "numeric", "varchar", "uuid",
        "varchar", "varchar", "date", "varchar", "varchar", "varchar", "timestamptz", "timestamptz", "timestamptz"};
    private static final Class<?>[] DEAL_COLUMN_CLASSES = {UUID.class, String.class, String.class, BigDecimal.class,
        String.class, UUID.class, String.class, String.class, Date.class, String.class, String.class, String.class,
        Timestamp.class, Timestamp.class, Timestamp.class};

    /** One statement for a batch's new deals (arrays unnested, one per column). */
    private void insertDeals(List<Object[]> rows) {
        if (rows.isEmpty()) {
            return;
        }
        int columns = DEAL_COLUMN_TYPES.length;
        Object[][] values = new Object[columns][];
        for (int c = 0; c < columns; c++) {
            values[c] = (Object[]) java.lang.reflect.Array.newInstance(DEAL_COLUMN_CLASSES[c], rows.size());
            for (int i = 0; i < rows.size(); i++) {
                values[c][i] = rows.get(i)[c];
            }
        }
        StringBuilder arrays = new StringBuilder();
        for (int c = 0; c < columns; c++) {
            arrays.append(c == 0 ? "" : ", ").append("?::").append(DEAL_COLUMN_TYPES[c]).append("[]");
        }
        jdbcTemplate.update(connection -> {
            PreparedStatement insert = connection.prepareStatement("insert into deal (id, name, account, amount, "
                    + "currency, owner_id, stage_key, status, expected_close_date, crm_ref, segment, close_reason, "
                    + "closed_at, created_at, updated_at, version) select *, 0 from unnest(" + arrays + ")");
            for (int c = 0; c < columns; c++) {
                insert.setArray(c + 1, connection.createArrayOf(DEAL_COLUMN_TYPES[c], values[c]));
            }
            return insert;
        });
    }

    /** One statement for a batch's history rows (arrays unnested): several times faster than a JDBC batch. */
    private void insertHistory(List<Object[]> rows) {
        if (rows.isEmpty()) {
            return;
        }
        UUID[] deals = new UUID[rows.size()];
        String[] from = new String[rows.size()];
        String[] to = new String[rows.size()];
        Timestamp[] at = new Timestamp[rows.size()];
        for (int i = 0; i < rows.size(); i++) {
            Object[] row = rows.get(i);
            deals[i] = (UUID) row[0];
            from[i] = (String) row[1];
            to[i] = (String) row[2];
            at[i] = (Timestamp) row[3];
        }
        jdbcTemplate.update(connection -> {
            PreparedStatement insert = connection.prepareStatement("insert into deal_stage_history "
                    + "(deal_id, from_stage, to_stage, changed_at) "
                    + "select * from unnest(?::uuid[], ?::varchar[], ?::varchar[], ?::timestamptz[])");
            insert.setArray(1, connection.createArrayOf("uuid", deals));
            insert.setArray(2, connection.createArrayOf("varchar", from));
            insert.setArray(3, connection.createArrayOf("varchar", to));
            insert.setArray(4, connection.createArrayOf("timestamptz", at));
            return insert;
        });
    }

    /** Says once per import which deals it created or changed, for whoever keeps figures derived from deals. */
    public void imported(Set<DealId> deals, Instant at) {
        if (!deals.isEmpty()) {
            events.publishEvent(new DealsImported(deals, at));
        }
    }

    /** The id of the deal with each CRM id, for the ones that exist. */
    @Transactional(readOnly = true)
    public Map<String, DealId> idsByCrmRef(Collection<String> crmRefs) {
        if (crmRefs.isEmpty()) {
            return Map.of();
        }
        Map<String, DealId> ids = new HashMap<>();
        jdbc.sql("select id, crm_ref from deal where crm_ref in (:refs)").param("refs", crmRefs)
                .query(rs -> {
                    ids.put(rs.getString("crm_ref"), new DealId(rs.getObject("id", UUID.class)));
                });
        return ids;
    }

    private record Existing(UUID id, String name, String account, BigDecimal amount, String currency, UUID ownerId,
            String stageKey, String status, LocalDate expectedClose, String segment, String closeReason,
            Instant closedAt, Instant createdAt) {

        boolean closed() {
            return !DealStatus.OPEN.name().equals(status);
        }
    }

    private record Planned(UUID id, ImportedDeal deal, StageView stage, Existing existing, List<Entered> wantedHistory,
            Change change) {
    }

    private List<Planned> plan(List<ImportedDeal> batch) {
        Map<String, StageView> stages = pipeline.stages().stream()
                .collect(Collectors.toMap(StageView::key, Function.identity()));
        Map<String, Existing> existing = existing(batch.stream().map(ImportedDeal::crmRef).toList());
        boolean withHistory = batch.stream().anyMatch(deal -> deal.history() != null);
        Map<UUID, List<Entered>> histories = withHistory
                ? histories(existing.values().stream().map(Existing::id).toList()) : Map.of();
        List<Planned> planned = new ArrayList<>(batch.size());
        for (ImportedDeal deal : batch) {
            StageView stage = stages.get(deal.stageKey());
            if (stage == null) {
                throw new IllegalArgumentException("Unknown stage " + deal.stageKey());
            }
            if (stage.closing() && deal.closedAt() == null) {
                throw new IllegalArgumentException("A closed deal needs its close time");
            }
            Existing old = existing.get(deal.crmRef());
            List<Entered> wanted = deal.history() == null ? null : wantedHistory(deal, stage);
            Change change;
            if (old == null) {
                change = Change.CREATED;
            } else if (differs(old, deal, stage)
                    || wanted != null && !wanted.equals(histories.getOrDefault(old.id(), List.of()))) {
                change = Change.UPDATED;
            } else {
                change = Change.UNCHANGED;
            }
            planned.add(new Planned(old == null ? UUID.randomUUID() : old.id(), deal, stage, old, wanted, change));
        }
        return planned;
    }

    /** The file's history, ending in the closing stage at the close time for a closed deal. */
    private static List<Entered> wantedHistory(ImportedDeal deal, StageView stage) {
        List<Entered> wanted = new ArrayList<>(deal.history());
        if (stage.closing() && (wanted.isEmpty() || !wanted.get(wanted.size() - 1).stageKey().equals(stage.key()))) {
            wanted.add(new Entered(stage.key(), deal.closedAt()));
        }
        return wanted;
    }

    private static boolean differs(Existing old, ImportedDeal deal, StageView stage) {
        boolean closed = stage.closing();
        return !old.name().equals(deal.name())
                || !old.account().equals(deal.account())
                || !Objects.equals(old.amount(), amount(deal))
                || !Objects.equals(old.currency(), currency(deal))
                || !old.ownerId().equals(deal.ownerId())
                || !old.stageKey().equals(stage.key())
                || !old.status().equals(closed ? stage.outcome().status().name() : DealStatus.OPEN.name())
                || !Objects.equals(old.closedAt(), closed ? deal.closedAt() : null)
                || !Objects.equals(old.expectedClose(), deal.expectedClose())
                || !old.createdAt().equals(deal.createdAt())
                || !Objects.equals(old.segment(), deal.segment());
    }

    private Map<String, Existing> existing(List<String> crmRefs) {
        if (crmRefs.isEmpty()) {
            return Map.of();
        }
        Map<String, Existing> existing = new HashMap<>();
        jdbc.sql("select id, crm_ref, name, account, amount, currency, owner_id, stage_key, status, "
                        + "expected_close_date, segment, close_reason, closed_at, created_at from deal "
                        + "where crm_ref in (:refs)")
                .param("refs", crmRefs)
                .query(rs -> {
                    existing.put(rs.getString("crm_ref"), existing(rs));
                });
        return existing;
    }

    private static Existing existing(ResultSet rs) throws SQLException {
        Date expected = rs.getDate("expected_close_date");
        Timestamp closedAt = rs.getTimestamp("closed_at");
        String currency = rs.getString("currency");
        return new Existing(rs.getObject("id", UUID.class), rs.getString("name"), rs.getString("account"),
                rs.getBigDecimal("amount"), currency == null ? null : currency.trim(),
                rs.getObject("owner_id", UUID.class), rs.getString("stage_key"), rs.getString("status"),
                expected == null ? null : expected.toLocalDate(), rs.getString("segment"),
                rs.getString("close_reason"), closedAt == null ? null : closedAt.toInstant(),
                rs.getTimestamp("created_at").toInstant());
    }

    private Map<UUID, List<Entered>> histories(List<UUID> dealIds) {
        if (dealIds.isEmpty()) {
            return Map.of();
        }
        Map<UUID, List<Entered>> histories = new HashMap<>();
        jdbc.sql("select deal_id, to_stage, changed_at from deal_stage_history where deal_id in (:ids) "
                        + "order by deal_id, changed_at, id")
                .param("ids", dealIds)
                .query(rs -> {
                    histories.computeIfAbsent(rs.getObject("deal_id", UUID.class), id -> new ArrayList<>())
                            .add(new Entered(rs.getString("to_stage"), rs.getTimestamp("changed_at").toInstant()));
                });
        return histories;
    }

    private static BigDecimal amount(ImportedDeal deal) {
        return deal.money() == null ? null : deal.money().amount();
    }

    private static String currency(ImportedDeal deal) {
        return deal.money() == null ? null : deal.money().currencyCode();
    }

    private static Date date(LocalDate date) {
        return date == null ? null : Date.valueOf(date);
    }

    private static Timestamp timestamp(Instant at) {
        return at == null ? null : Timestamp.from(at);
    }
}
