package io.mutua.plans;

import io.mutua.web.InvalidInputException;
import io.mutua.web.StaleVersionException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The Markdown sections of mutual action plans, each with its own version. */
@Component
class PlanSections {

    static final int MAX_CONTENT = 20_000;

    private final JdbcClient jdbc;

    PlanSections(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<SectionView> of(UUID planId) {
        Map<SectionKey, SectionView> written = new EnumMap<>(SectionKey.class);
        jdbc.sql("select key, content, updated_at, version from plan_section where plan_id = :plan")
                .param("plan", planId)
                .query(rs -> {
                    SectionKey key = SectionKey.valueOf(rs.getString("key"));
                    written.put(key, new SectionView(key, rs.getString("content"),
                            rs.getTimestamp("updated_at").toInstant(), rs.getLong("version")));
                });
        return Arrays.stream(SectionKey.values())
                .map(key -> written.getOrDefault(key, new SectionView(key, "", null, 0)))
                .toList();
    }

    /** Replaces a section's text; returns the text it had. */
    String write(UUID planId, SectionKey key, String content, long expectedVersion, Instant now) {
        String text = content == null ? "" : content.strip();
        if (text.length() > MAX_CONTENT) {
            throw new InvalidInputException("content", "validation.maxLength", MAX_CONTENT);
        }
        SectionView current = of(planId).stream().filter(section -> section.key() == key).findFirst().orElseThrow();
        if (current.version() != expectedVersion) {
            throw new StaleVersionException("plans.staleSection", current.version());
        }
        int written = expectedVersion == 0
                ? jdbc.sql("insert into plan_section (plan_id, key, content, updated_at, version) "
                                + "values (:plan, :key, :content, :now, 1) on conflict (plan_id, key) do nothing")
                        .param("plan", planId).param("key", key.name()).param("content", text)
                        .param("now", Timestamp.from(now)).update()
                : jdbc.sql("update plan_section set content = :content, updated_at = :now, version = version + 1 "
                                + "where plan_id = :plan and key = :key and version = :version")
                        .param("plan", planId).param("key", key.name()).param("content", text)
                        .param("now", Timestamp.from(now)).param("version", expectedVersion).update();
        if (written == 0) {
            throw new StaleVersionException("plans.staleSection", current.version() + 1);
        }
        return current.content();
    }
}
