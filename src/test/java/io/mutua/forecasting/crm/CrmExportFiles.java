package io.mutua.forecasting.crm;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;

/**
 * A CRM deals export as Salesforce writes one, generated for a test: {@code rows} good deals with ids
 * {@code <prefix>-<n>} (a third won, a third lost, the rest open), then one row whose amount is no number and one
 * whose stage ("Verbal commit") is not a pipeline stage.
 */
final class CrmExportFiles {

    static final String HEADER = "Opportunity ID,Opportunity Name,Account Name,Amount,Stage,Created Date,Close Date";
    static final String UNKNOWN_STAGE = "Verbal commit";
    static final String BAD_AMOUNT = "twelve";

    private CrmExportFiles() {
    }

    static byte[] deals(String prefix, int rows) {
        StringBuilder csv = new StringBuilder(HEADER).append('\n');
        LocalDate created = LocalDate.of(2025, 1, 6);
        for (int n = 1; n <= rows; n++) {
            String stage = switch (n % 3) {
                case 0 -> "Closed Won";
                case 1 -> "Closed Lost";
                default -> "Proposal";
            };
            LocalDate close = n % 3 == 2 ? LocalDate.now().plusMonths(2) : created.plusDays(20 + n % 40);
            csv.append(String.join(",", prefix + "-" + n, name(prefix, n), "Account " + n,
                    "\"" + String.format(java.util.Locale.ROOT, "%,d", 1000 + n * 10) + ".00\"", stage,
                    created.toString(), close.toString())).append('\n');
        }
        csv.append(String.join(",", prefix + "-bad", name(prefix, rows + 1), "Account", BAD_AMOUNT, "Proposal",
                created.toString(), LocalDate.now().plusMonths(1).toString())).append('\n');
        csv.append(String.join(",", prefix + "-verbal", name(prefix, rows + 2), "Account", "5000", UNKNOWN_STAGE,
                created.toString(), LocalDate.now().plusMonths(1).toString())).append('\n');
        return csv.toString().getBytes(StandardCharsets.UTF_8);
    }

    static String name(String prefix, int n) {
        return "Imported " + prefix + " " + n;
    }
}
