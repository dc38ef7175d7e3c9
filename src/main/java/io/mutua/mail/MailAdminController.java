package io.mutua.mail;

import io.mutua.web.Htmx;
import io.mutua.web.Paths;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The admin's view of the mail queue: how many emails are queued, sent or failed, the latest ones, retry now. */
@Controller
public class MailAdminController {

    static final String PATH = Paths.ADMIN + "/mail";
    /** The DOM id of the part that "retry all failed" re-renders. */
    public static final String QUEUE_ID = "mail-queue";

    private final MailQueue queue;

    MailAdminController(MailQueue queue) {
        this.queue = queue;
    }

    /** One email as listed: never its content, only what says how its delivery went. */
    public record MailRow(String id, String kind, String recipient, String subject, String status, int attempts,
            String lastError, Instant createdAt, Instant nextAttemptAt, Instant sentAt) {

        static MailRow of(MailQueue.QueuedMail mail) {
            return new MailRow(mail.id().toString(), mail.kind(), mail.recipient(), mail.subject(),
                    mail.status().name(), mail.attempts(), mail.lastError(), mail.createdAt(), mail.nextAttemptAt(),
                    mail.sentAt());
        }

        public boolean sent() {
            return "SENT".equals(status);
        }

        public boolean retriable() {
            return !sent();
        }
    }

    /** The count of one status, which is also a filter. */
    public record StatusCount(String status, long count, boolean selected) {
    }

    public record MailQueuePage(List<StatusCount> counts, long total, String filter, List<MailRow> rows,
            int latest, int retried) {

        public boolean anyFailed() {
            return counts.stream().anyMatch(count -> "FAILED".equals(count.status()) && count.count() > 0);
        }

        public String retryRowPath(MailRow row) {
            return PATH + "/" + row.id() + "/retry";
        }

        public String retryFailedPath() {
            return PATH + "/retry-failed";
        }

        public String filterPath(String status) {
            return status == null ? PATH : PATH + "?status=" + status;
        }
    }

    @GetMapping(PATH)
    String show(@RequestParam(required = false) String status, @RequestParam(required = false) Integer retried,
            Model model) {
        model.addAttribute("page", page(status(status), retried == null ? -1 : retried));
        return "mail/queue";
    }

    @PostMapping(PATH + "/{id}/retry")
    String retry(@PathVariable UUID id, HttpServletRequest request, Model model) {
        MailQueue.QueuedMail mail = queue.retry(id);
        if (!Htmx.isHtmx(request)) {
            return "redirect:" + PATH;
        }
        model.addAttribute("row", MailRow.of(mail));
        model.addAttribute("page", page(null, -1));
        return "mail/queue-row";
    }

    @PostMapping(PATH + "/retry-failed")
    String retryAllFailed(@RequestParam(required = false) String status, HttpServletRequest request, Model model) {
        int retried = queue.retryAllFailed();
        if (!Htmx.isHtmx(request)) {
            return "redirect:" + PATH + "?retried=" + retried;
        }
        model.addAttribute("page", page(status(status), retried));
        return "mail/queue-part";
    }

    private MailQueuePage page(MailStatus filter, int retried) {
        Map<MailStatus, Long> counts = queue.counts();
        List<StatusCount> statusCounts = Arrays.stream(MailStatus.values())
                .map(status -> new StatusCount(status.name(), counts.get(status), status == filter))
                .toList();
        long total = counts.values().stream().mapToLong(Long::longValue).sum();
        List<MailRow> rows = queue.latest(filter).stream().map(MailRow::of).toList();
        return new MailQueuePage(statusCounts, total, filter == null ? null : filter.name(), rows, MailQueue.LATEST,
                retried);
    }

    private static MailStatus status(String status) {
        if (status == null || status.isBlank()) {
            return null;
        }
        return Arrays.stream(MailStatus.values()).filter(value -> value.name().equals(status)).findFirst()
                .orElse(null);
    }
}
