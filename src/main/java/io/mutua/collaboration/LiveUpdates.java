package io.mutua.collaboration;

import io.mutua.plans.Audience;
import io.mutua.plans.PlanActivity;
import io.mutua.plans.PlanChange;
import jakarta.annotation.PreDestroy;
import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArraySet;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * Live updates of plans over Server-Sent Events. A change is announced with PostgreSQL NOTIFY once its transaction
 * committed, so every node hears it; each node tells its own viewers of the plan which part changed ("plan",
 * "step-&lt;id&gt;", "comments", "attachments") and their pages re-fetch what they may see. Events about internal
 * items never go to buyers, and a revoked participant's streams are closed at once.
 */
@Component
public class LiveUpdates implements SmartLifecycle {

    static final String CHANNEL = "mutua_plan";
    /** The last event a revoked participant's stream gets; their page stops listening and says why. */
    static final String REVOKED = "revoked";
    static final Duration HEARTBEAT = Duration.ofSeconds(20);
    private static final Logger log = LoggerFactory.getLogger(LiveUpdates.class);

    private final DataSource dataSource;
    private final JdbcClient jdbc;
    private final Map<UUID, Set<Viewer>> viewers = new ConcurrentHashMap<>();
    private volatile ScheduledExecutorService timer;
    private volatile boolean running;
    private volatile Thread listener;

    LiveUpdates(DataSource dataSource, JdbcClient jdbc) {
        this.dataSource = dataSource;
        this.jdbc = jdbc;
    }

    /**
     * One open stream: whose it is decides which events it gets. {@code who} names the reader as changes name their
     * author ("u:" and a user, "p:" and a participant): nobody is told of their own changes, which their page
     * already shows.
     */
    private record Viewer(SseEmitter emitter, Audience audience, UUID participantId, String who) {
    }

    /** Opens a stream of a plan's changes for a seller. */
    public SseEmitter subscribeSeller(UUID planId, UUID userId) {
        return subscribe(planId, new Viewer(new SseEmitter(0L), Audience.SELLER, null, "u:" + userId));
    }

    /** Opens a stream of a plan's shared changes for a buyer taking part in it. */
    public SseEmitter subscribeBuyer(UUID planId, UUID participantId) {
        return subscribe(planId, new Viewer(new SseEmitter(0L), Audience.BUYER, participantId, "p:" + participantId));
    }

    private SseEmitter subscribe(UUID planId, Viewer viewer) {
        SseEmitter emitter = viewer.emitter();
        viewers.computeIfAbsent(planId, id -> new CopyOnWriteArraySet<>()).add(viewer);
        Runnable remove = () -> forget(planId, viewer);
        emitter.onCompletion(remove);
        emitter.onTimeout(remove);
        emitter.onError(error -> remove.run());
        send(planId, viewer, SseEmitter.event().name("ready").data(""));
        return emitter;
    }

    /** How many streams this node has open, for the benchmark and for operations. */
    public int openStreams() {
        return viewers.values().stream().mapToInt(Set::size).sum();
    }

    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT)
    void on(PlanActivity activity) {
        String part = part(activity);
        notifyNodes(activity.planId() + " " + part + " " + (activity.internal() ? "internal" : "shared") + " "
                + author(activity));
    }

    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT)
    void on(ParticipantRevoked revoked) {
        notifyNodes(revoked.planId() + " revoked " + revoked.participantId());
    }

    private static String author(PlanActivity activity) {
        if (activity.actorUserId() != null) {
            return "u:" + activity.actorUserId();
        }
        return activity.actorParticipantId() != null ? "p:" + activity.actorParticipantId() : "-";
    }

    /** What a change touches, as the name of the event the pages listen to. */
    static String part(PlanActivity activity) {
        PlanChange change = activity.change();
        return switch (change) {
            case STATUS, TARGET_DATE, MOVED_BY_CASCADE, TITLE, DESCRIPTION, OWNERS, PINNED ->
                    activity.stepId() == null ? "plan" : "step-" + activity.stepId();
            case COMMENTED -> "comments";
            case ATTACHED -> "attachments";
            default -> "plan";
        };
    }

    private void notifyNodes(String message) {
        jdbc.sql("select pg_notify(:channel, :message)").param("channel", CHANNEL).param("message", message)
                .query().singleValue();
    }

    /**
     * Delivers one notification to this node's viewers of the plan: "plan part shared|internal author", or
     * "plan revoked participant".
     */
    void deliver(String message) {
        String[] parts = message.split(" ");
        UUID planId = UUID.fromString(parts[0]);
        Set<Viewer> watching = viewers.getOrDefault(planId, Set.of());
        if ("revoked".equals(parts[1])) {
            UUID participant = UUID.fromString(parts[2]);
            watching.stream().filter(viewer -> participant.equals(viewer.participantId()))
                    .forEach(viewer -> {
                        forget(planId, viewer);
                        send(planId, viewer, SseEmitter.event().name(REVOKED).data(""));
                        viewer.emitter().complete();
                    });
            return;
        }
        boolean internal = "internal".equals(parts[2]);
        String author = parts[3];
        for (Viewer viewer : watching) {
            if (viewer.who().equals(author)) {
                continue;
            }
            if (viewer.audience() == Audience.SELLER) {
                send(planId, viewer, SseEmitter.event().name(parts[1]).data(""));
            } else if (!internal) {
                send(planId, viewer, SseEmitter.event().name(parts[1]).data(""));
            } else if (parts[1].equals("plan")) {
                // Something internal changed the structure (e.g. a step became internal): refresh, name nothing.
                send(planId, viewer, SseEmitter.event().name("plan").data(""));
            }
        }
    }

    private void send(UUID planId, Viewer viewer, SseEmitter.SseEventBuilder event) {
        try {
            viewer.emitter().send(event);
        } catch (IOException | IllegalStateException e) {
            forget(planId, viewer);
        }
    }

    private void forget(UUID planId, Viewer viewer) {
        viewers.computeIfPresent(planId, (id, set) -> {
            set.remove(viewer);
            return set.isEmpty() ? null : set;
        });
    }

    private void heartbeat() {
        viewers.forEach((planId, set) -> set.forEach(viewer -> send(planId, viewer, SseEmitter.event().comment(""))));
    }

    private void listen() {
        while (running) {
            try (Connection connection = dataSource.getConnection();
                    Statement statement = connection.createStatement()) {
                statement.execute("listen " + CHANNEL);
                PGConnection postgres = connection.unwrap(PGConnection.class);
                while (running) {
                    PGNotification[] notifications = postgres.getNotifications(1000);
                    if (notifications != null) {
                        for (PGNotification notification : notifications) {
                            deliver(notification.getParameter());
                        }
                    }
                }
            } catch (SQLException | RuntimeException e) {
                if (running) {
                    log.warn("Live updates lost their database connection; reconnecting", e);
                    sleepQuietly();
                }
            }
        }
    }

    private static Thread daemon(Runnable runnable, String name) {
        Thread thread = new Thread(runnable, name);
        thread.setDaemon(true);
        return thread;
    }

    private static void sleepQuietly() {
        try {
            TimeUnit.SECONDS.sleep(1);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void start() {
        running = true;
        listener = daemon(this::listen, "mutua-live-listener");
        listener.start();
        timer = Executors.newSingleThreadScheduledExecutor(runnable -> daemon(runnable, "mutua-live-heartbeat"));
        timer.scheduleAtFixedRate(this::heartbeat, HEARTBEAT.toSeconds(), HEARTBEAT.toSeconds(), TimeUnit.SECONDS);
    }

    @Override
    public void stop() {
        running = false;
        if (timer != null) {
            timer.shutdownNow();
        }
        viewers.values().forEach(set -> set.forEach(viewer -> viewer.emitter().complete()));
        viewers.clear();
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @PreDestroy
    void close() {
        stop();
    }
}
