package io.mutua.notifications;

import io.mutua.web.InvalidInputException;
import io.mutua.web.StaleVersionException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * How each person wants to be told, keyed by their email in lower case. A plan's own mode beats the mode of the
 * kind's group, which beats the default (see {@link KindGroup}). The time zone a person's digest follows is theirs
 * when chosen, for a buyer who chose none the one their plan's seller chose, else
 * {@code mutua.notifications.default-time-zone}.
 */
@Component
class Preferences {

    private final JdbcClient jdbc;
    private final Clock clock;
    private final ZoneId defaultZone;

    Preferences(JdbcClient jdbc, Clock clock, @Value("${mutua.notifications.default-time-zone}") String defaultZone) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.defaultZone = ZoneId.of(defaultZone);
    }

    Mode modeFor(Recipient recipient, UUID planId, NoticeKind kind) {
        String email = key(recipient.email());
        KindGroup group = KindGroup.of(kind);
        return jdbc.sql("select coalesce((select mode from notification_plan_mode where email = :email "
                        + "and plan_id = :plan), (select mode from notification_group_mode where email = :email "
                        + "and kind_group = :group))")
                .param("email", email)
                .param("plan", planId)
                .param("group", group.name())
                .query(String.class).optional()
                .map(Mode::valueOf)
                .orElse(group.defaultFor(recipient.buyer()));
    }

    ZoneId zoneOf(String email) {
        return storedZone(key(email)).orElse(defaultZone);
    }

    ZoneId defaultZone() {
        return defaultZone;
    }

    NotificationSettings settings(String email, boolean buyer) {
        String key = key(email);
        Map<KindGroup, Mode> groups = new EnumMap<>(KindGroup.class);
        for (KindGroup group : KindGroup.values()) {
            groups.put(group, group.defaultFor(buyer));
        }
        jdbc.sql("select kind_group, mode from notification_group_mode where email = :email")
                .param("email", key)
                .query((rs, n) -> groups.put(KindGroup.valueOf(rs.getString(1)), Mode.valueOf(rs.getString(2))))
                .list();
        Map<UUID, Mode> plans = new HashMap<>();
        jdbc.sql("select plan_id, mode from notification_plan_mode where email = :email")
                .param("email", key)
                .query((rs, n) -> plans.put(rs.getObject(1, UUID.class), Mode.valueOf(rs.getString(2))))
                .list();
        long version = jdbc.sql("select version from notification_setting where email = :email")
                .param("email", key).query(Long.class).optional().orElse(0L);
        return new NotificationSettings(groups, plans, zoneOf(key), version);
    }

    /**
     * Saves a person's choices over the version they read: the groups given (others keep their mode), and plans
     * each with its own mode or null to follow the groups (other plans keep what they had).
     */
    @Transactional
    long save(String email, Map<KindGroup, Mode> groups, Map<UUID, Mode> plans, String timeZone, long version) {
        String key = key(email);
        ZoneId zone = parseZone(timeZone);
        long next = claim(key, version);
        jdbc.sql("update notification_setting set time_zone = :zone where email = :email")
                .param("zone", zone.getId()).param("email", key).update();
        groups.forEach((group, mode) -> setGroup(key, group, mode));
        plans.forEach((planId, mode) -> setPlan(key, planId, mode));
        return next;
    }

    /** Turns every notification email off, or only those about one plan; the settings' version moves on. */
    @Transactional
    void unsubscribe(String email, UUID planId) {
        String key = key(email);
        jdbc.sql("insert into notification_setting (email, updated_at, version) values (:email, :now, 1) "
                        + "on conflict (email) do update set version = notification_setting.version + 1, "
                        + "updated_at = excluded.updated_at")
                .param("email", key).param("now", Timestamp.from(clock.instant())).update();
        if (planId != null) {
            setPlan(key, planId, Mode.OFF);
            return;
        }
        for (KindGroup group : KindGroup.values()) {
            setGroup(key, group, Mode.OFF);
        }
        jdbc.sql("delete from notification_plan_mode where email = :email").param("email", key).update();
    }

    private long claim(String key, long version) {
        Timestamp now = Timestamp.from(clock.instant());
        int rows = version == 0
                ? jdbc.sql("insert into notification_setting (email, updated_at, version) values (:email, :now, 1) "
                        + "on conflict (email) do nothing")
                        .param("email", key).param("now", now).update()
                : jdbc.sql("update notification_setting set version = version + 1, updated_at = :now "
                        + "where email = :email and version = :version")
                        .param("email", key).param("now", now).param("version", version).update();
        if (rows == 0) {
            throw new StaleVersionException("notificationSettings.stale", currentVersion(key));
        }
        return version + 1;
    }

    private long currentVersion(String key) {
        return jdbc.sql("select version from notification_setting where email = :email")
                .param("email", key).query(Long.class).optional().orElse(0L);
    }

    private void setGroup(String key, KindGroup group, Mode mode) {
        jdbc.sql("insert into notification_group_mode (email, kind_group, mode) values (:email, :group, :mode) "
                        + "on conflict (email, kind_group) do update set mode = excluded.mode")
                .param("email", key).param("group", group.name()).param("mode", mode.name()).update();
    }

    private void setPlan(String key, UUID planId, Mode mode) {
        if (mode == null) {
            jdbc.sql("delete from notification_plan_mode where email = :email and plan_id = :plan")
                    .param("email", key).param("plan", planId).update();
            return;
        }
        jdbc.sql("insert into notification_plan_mode (email, plan_id, mode) values (:email, :plan, :mode) "
                        + "on conflict (email, plan_id) do update set mode = excluded.mode")
                .param("email", key).param("plan", planId).param("mode", mode.name()).update();
    }

    /** The person's own zone, else (for a buyer) the zone the seller of their first plan chose. */
    private Optional<ZoneId> storedZone(String key) {
        return jdbc.sql("select coalesce((select time_zone from notification_setting where email = :email), "
                        + "(select s.time_zone from participant p join plan pl on pl.id = p.plan_id "
                        + "join deal d on d.id = pl.deal_id join app_user u on u.id = d.owner_id "
                        + "join notification_setting s on s.email = lower(u.email) "
                        + "where lower(p.email) = :email and p.side = 'BUYER' and p.revoked_at is null "
                        + "and s.time_zone is not null order by p.created_at limit 1))")
                .param("email", key).query(String.class).optional().map(ZoneId::of);
    }

    private static ZoneId parseZone(String timeZone) {
        try {
            return ZoneId.of(timeZone == null ? "" : timeZone.trim());
        } catch (DateTimeException e) {
            throw new InvalidInputException("timeZone", "notificationSettings.badTimeZone");
        }
    }

    private static String key(String email) {
        return email.trim().toLowerCase(Locale.ROOT);
    }
}
