package io.mutua.forecasting.crm;

import static org.assertj.core.api.Assertions.assertThat;

import io.mutua.IntegrationTest;
import io.mutua.TestData;
import io.mutua.identity.Role;
import io.mutua.identity.Viewer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Benchmark, not a test of behaviour (run by bench/crm-import.sh, never by ./mvnw verify): a CRM export of
 * {@code bench.deals} deals (default 50,000; 30 owners, 10 of them without a login) with four stage-history rows each,
 * previewed, imported, then imported again (nothing changes).
 */
@IntegrationTest
class CrmImportBenchmark {

    private static final String[] STAGES = {"Prospecting", "Discovery", "Solution", "Proposal", "Negotiation"};
    private static final DateTimeFormatter US = DateTimeFormatter.ofPattern("M/d/yyyy");

    @Autowired
    CrmImporter importer;
    @Autowired
    TestData data;

    @Test
    void importALargeExport() throws IOException {
        int deals = Integer.getInteger("bench.deals", 50_000);
        TestData.Seller admin = data.user("ADMIN", null);
        Viewer viewer = new Viewer(admin.id(), admin.email(), Role.ADMIN, null);
        String[] owners = new String[30];
        for (int i = 0; i < owners.length; i++) {
            owners[i] = i < 20 ? data.user("REP", null).email() : "Former Rep " + i + " " + TestData.unique();
        }
        String prefix = "BENCH-" + TestData.unique() + "-";
        Random random = new Random(42);
        StringBuilder dealFile = new StringBuilder("Opportunity ID,Opportunity Name,Account Name,Opportunity Owner,"
                + "Amount,Stage,Created Date,Close Date\n");
        StringBuilder historyFile = new StringBuilder("Opportunity ID,Stage,Last Modified\n");
        LocalDate start = LocalDate.now().minusDays(400);
        for (int i = 0; i < deals; i++) {
            LocalDate created = start.plusDays(random.nextInt(200));
            LocalDate entered = created;
            for (int stage = 0; stage < 4; stage++) {
                historyFile.append(prefix).append(i).append(',').append(STAGES[stage]).append(',')
                        .append(US.format(entered)).append('\n');
                entered = entered.plusDays(1 + random.nextInt(20));
            }
            boolean open = i % 3 == 0;
            String stage = open ? STAGES[3] : i % 3 == 1 ? "Closed Won" : "Closed Lost";
            dealFile.append(prefix).append(i).append(",Deal ").append(i).append(",Account ").append(i % 997)
                    .append(',').append(owners[i % owners.length]).append(",\"$").append(1 + random.nextInt(999))
                    .append(",000.00\",").append(stage).append(',').append(US.format(created)).append(',')
                    .append(US.format(entered)).append('\n');
        }
        SheetFile dealsCsv = new SheetFile("deals.csv", dealFile.toString().getBytes(StandardCharsets.UTF_8));
        SheetFile historyCsv = new SheetFile("history.csv", historyFile.toString().getBytes(StandardCharsets.UTF_8));
        CrmMapping mapping = new CrmMapping(HeaderGuess.dealColumns(importer.outline(dealsCsv).headers()),
                HeaderGuess.historyColumns(importer.outline(historyCsv).headers()),
                Map.of("prospecting", "prospecting", "discovery", "discovery", "solution", "solution",
                        "proposal", "proposal", "negotiation", "negotiation", "closed won", "won",
                        "closed lost", "lost"), DateFormatHint.US, null);

        Instant began = Instant.now();
        ImportOutcome preview = importer.preview(viewer, dealsCsv, historyCsv, mapping);
        Duration previewTime = Duration.between(began, Instant.now());
        began = Instant.now();
        ImportOutcome first = importer.run(viewer, dealsCsv, historyCsv, mapping, ImportProgress.NONE);
        Duration firstTime = Duration.between(began, Instant.now());
        began = Instant.now();
        ImportOutcome again = importer.run(viewer, dealsCsv, historyCsv, mapping, ImportProgress.NONE);
        Duration againTime = Duration.between(began, Instant.now());

        assertThat(first.errors()).isEmpty();
        assertThat(first.created()).isEqualTo(deals);
        assertThat(again.unchanged()).isEqualTo(deals);
        String report = """
                CRM import of %,d deals (%.1f MB) and %,d stage-history rows (%.1f MB), CSV, on %d cores
                preview:        %,d ms (would create %,d, rejected %,d)
                first import:   %,d ms (created %,d, rejected %,d) = %,.0f deals/s, %,.0f rows/s in both files
                import again:   %,d ms (unchanged %,d)
                """.formatted(deals, dealsCsv.bytes().length / 1e6, deals * 4, historyCsv.bytes().length / 1e6,
                Runtime.getRuntime().availableProcessors(), previewTime.toMillis(), preview.created(),
                preview.rejected(), firstTime.toMillis(), first.created(), first.rejected(),
                deals * 1000.0 / firstTime.toMillis(), deals * 5 * 1000.0 / firstTime.toMillis(),
                againTime.toMillis(), again.unchanged());
        Path results = Path.of("bench", "results");
        Files.createDirectories(results);
        Files.writeString(results.resolve("crm-import.txt"), report);
    }
}
