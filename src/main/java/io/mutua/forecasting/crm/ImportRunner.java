package io.mutua.forecasting.crm;

import io.mutua.identity.Viewer;
import java.time.Duration;
import java.util.UUID;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Runs CRM imports in the background, off the request thread, and records how far each has come, each step in its
 * own short transaction so that the progress page sees it while the import runs. A run that was going when its node
 * stopped is marked failed at the next start-up; files of finished imports are dropped after a week.
 */
@Component
class ImportRunner implements DisposableBean {

    static final Duration RUNNING_AT_MOST = Duration.ofHours(1);
    static final Duration FILES_KEPT = Duration.ofDays(7);
    private static final Logger log = LoggerFactory.getLogger(ImportRunner.class);

    private final CrmImports imports;
    private final CrmImporter importer;
    private final TransactionTemplate ownTransaction;
    private final ThreadPoolTaskExecutor workers;

    ImportRunner(CrmImports imports, CrmImporter importer, PlatformTransactionManager transactions) {
        this.imports = imports;
        this.importer = importer;
        this.ownTransaction = new TransactionTemplate(transactions);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.workers = new ThreadPoolTaskExecutor();
        this.workers.setCorePoolSize(2);
        this.workers.setThreadNamePrefix("crm-import-");
        this.workers.initialize();
    }

    /** Starts the import unless it is already running or changed since the viewer saw {@code version}. */
    boolean start(Viewer viewer, ImportRecord record, long version) {
        if (!imports.markRunning(record.id(), version)) {
            return false;
        }
        workers.execute(() -> run(viewer, record.id(), record.mapping()));
        return true;
    }

    private void run(Viewer viewer, UUID id, CrmMapping mapping) {
        try {
            SheetFile deals = imports.deals(id);
            SheetFile history = imports.history(id).orElse(null);
            ImportOutcome outcome = importer.run(viewer, deals, history, mapping,
                    (processed, total) -> ownTransaction.executeWithoutResult(
                            status -> imports.progress(id, processed, total)));
            ownTransaction.executeWithoutResult(status -> imports.done(id, outcome));
        } catch (RuntimeException e) {
            log.error("CRM import {} failed", id, e);
            ownTransaction.executeWithoutResult(status -> imports.failed(id));
        }
    }

    @EventListener(ApplicationReadyEvent.class)
    void failInterrupted() {
        int failed = imports.failStale(RUNNING_AT_MOST);
        if (failed > 0) {
            log.warn("{} CRM import(s) were still running after {}: marked failed", failed, RUNNING_AT_MOST);
        }
    }

    @Scheduled(cron = "${mutua.crm-import.cleanup-cron}")
    @SchedulerLock(name = "crm-import-cleanup")
    void deleteOldFiles() {
        imports.deleteFilesOlderThan(FILES_KEPT);
    }

    @Override
    public void destroy() {
        workers.shutdown();
    }
}
