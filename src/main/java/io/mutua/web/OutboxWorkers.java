package io.mutua.web;

import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A few threads of their own that drain an outbox table: woken after a commit that queued something and on a
 * schedule, each takes one due row per transaction ({@code takeNext} answers false when nothing is due). When every
 * worker is busy a wake-up is remembered, and a worker that finishes looks again, so that none is lost.
 */
public final class OutboxWorkers {

    private final ThreadPoolTaskExecutor threads;
    private final Semaphore working;
    private final AtomicBoolean pending = new AtomicBoolean();
    private final TransactionTemplate transactions;
    private final BooleanSupplier takeNext;

    public OutboxWorkers(String name, int count, PlatformTransactionManager transactionManager,
            BooleanSupplier takeNext) {
        this.threads = new ThreadPoolTaskExecutor();
        this.threads.setCorePoolSize(count);
        this.threads.setThreadNamePrefix(name + "-");
        this.threads.setWaitForTasksToCompleteOnShutdown(false);
        this.threads.initialize();
        this.working = new Semaphore(count);
        this.transactions = new TransactionTemplate(transactionManager);
        this.takeNext = takeNext;
    }

    /** Drains soon, on one worker. */
    public void wake() {
        threads.execute(this::drain);
    }

    /** Wakes every worker: a backlog is drained in parallel. */
    public void wakeAll() {
        for (int i = 0; i < threads.getCorePoolSize(); i++) {
            wake();
        }
    }

    public void stop() {
        threads.shutdown();
    }

    private void drain() {
        pending.set(true);
        while (pending.get()) {
            if (!working.tryAcquire()) {
                return;
            }
            try {
                pending.set(false);
                while (Boolean.TRUE.equals(transactions.execute(status -> takeNext.getAsBoolean()))) {
                    // one row per transaction
                }
            } finally {
                working.release();
            }
        }
    }
}
