package io.mutua.notifications;

import io.mutua.mail.OutgoingMail;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.List;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The daily digest: once a person's local time has reached 08:00 and they have not had today's digest, everything
 * waiting for it goes in one email, and is marked digested in the same transaction. Nothing waiting, no email.
 * Runs every few minutes, once per cluster.
 */
@Component
class Digests {

    static final LocalTime SEND_AT = LocalTime.of(8, 0);

    private final JdbcClient jdbc;
    private final Preferences preferences;
    private final DigestEmails emails;
    private final OutgoingMail mailer;
    private final TransactionTemplate transactions;
    private final Clock clock;

    Digests(JdbcClient jdbc, Preferences preferences, DigestEmails emails, OutgoingMail mailer,
            TransactionTemplate transactions, Clock clock) {
        this.jdbc = jdbc;
        this.preferences = preferences;
        this.emails = emails;
        this.mailer = mailer;
        this.transactions = transactions;
        this.clock = clock;
    }

    @Scheduled(cron = "${mutua.notifications.digest-cron}")
    @SchedulerLock(name = "notification-digests")
    void run() {
        sendDueDigests(clock.instant());
    }

    /** Sends the digests due at {@code now}; returns how many were queued. */
    int sendDueDigests(Instant now) {
        List<String> waiting = jdbc.sql("select distinct lower(recipient_email) from notification "
                        + "where mode = 'DIGEST' and digested_at is null")
                .query(String.class).list();
        int sent = 0;
        for (String email : waiting) {
            ZonedDateTime local = now.atZone(preferences.zoneOf(email));
            if (!local.toLocalTime().isBefore(SEND_AT)
                    && Boolean.TRUE.equals(transactions.execute(status -> send(email, local.toLocalDate(), now)))) {
                sent++;
            }
        }
        return sent;
    }

    /**
     * Queues one person's digest unless they had today's; what they turned off since it was recorded is left out
     * (and marked, so it waits no more).
     */
    private boolean send(String email, LocalDate day, Instant now) {
        boolean hadToday = jdbc.sql("select exists (select 1 from notification_digest where email = :email "
                        + "and local_date = :day)")
                .param("email", email).param("day", day).query(Boolean.class).single();
        if (hadToday) {
            return false;
        }
        List<DigestEmails.Item> waiting = jdbc.sql("select n.id, n.plan_id, d.account, p.language, u.locale, "
                        + "n.recipient_participant_id is not null, n.kind, n.args::text, n.actor_name, n.created_at, "
                        + "n.recipient_user_id, n.recipient_participant_id, p.deal_id "
                        + "from notification n left join plan p on p.id = n.plan_id "
                        + "left join deal d on d.id = p.deal_id left join app_user u on u.id = n.recipient_user_id "
                        + "where lower(n.recipient_email) = :email and n.mode = 'DIGEST' and n.digested_at is null "
                        + "order by n.importance desc, n.created_at for update of n skip locked")
                .param("email", email)
                .query(DigestEmails.Item::read)
                .list();
        List<DigestEmails.Item> wanted = waiting.stream()
                .filter(item -> preferences.modeFor(item.recipient(email), item.planId(), item.kind()) != Mode.OFF)
                .toList();
        boolean queued = !wanted.isEmpty() && claim(email, day, now);
        if (queued) {
            mailer.queue(emails.compose(email, day, wanted));
        }
        if (queued || wanted.isEmpty()) {
            markDigested(waiting, now);
        }
        return queued;
    }

    private boolean claim(String email, LocalDate day, Instant now) {
        return jdbc.sql("insert into notification_digest (email, local_date, sent_at) values (:email, :day, :now) "
                        + "on conflict do nothing")
                .param("email", email).param("day", day).param("now", Timestamp.from(now))
                .update() > 0;
    }

    private void markDigested(List<DigestEmails.Item> items, Instant now) {
        if (items.isEmpty()) {
            return;
        }
        jdbc.sql("update notification set digested_at = :now where id in (:ids)")
                .param("now", Timestamp.from(now))
                .param("ids", items.stream().map(DigestEmails.Item::id).toList())
                .update();
    }
}
