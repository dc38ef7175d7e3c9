package io.mutua.integration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.strings;

import io.mutua.plans.StepStatus;
import io.mutua.playbooks.Side;
import io.mutua.playbooks.Visibility;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class CsvSheetsTest {

    private static final String SPECIAL = "'=+-@\t\r\n\",; αΩ";
    private static final PlanSheet.Row ROW = new PlanSheet.Row("Αξιολόγηση", "Τεχνική αξιολόγηση, \"POC\"",
            Side.BUYER, "Chloe <chloe@buyer.example>; role:CHAMPION", LocalDate.of(2026, 3, 2),
            LocalDate.of(2026, 2, 27), StepStatus.DONE, LocalDate.of(2026, 3, 1), "Line one\nline two", null);

    @Test
    void writesUtf8WithAByteOrderMarkRfc4180QuotingAndCrlfLineEnds() {
        byte[] csv = CsvSheets.write(new PlanSheet("Ακμή", SheetColumn.LAYOUT, List.of(ROW)));

        assertThat(csv).startsWith(0xEF, 0xBB, 0xBF);
        String text = new String(csv, StandardCharsets.UTF_8).substring(1);
        assertThat(text).startsWith("milestone,step,side,owners,target date,baseline date,status,completed on,notes\r\n")
                .contains("Αξιολόγηση,\"Τεχνική αξιολόγηση, \"\"POC\"\"\",BUYER,"
                        + "Chloe <chloe@buyer.example>; role:CHAMPION,2026-03-02,2026-02-27,DONE,2026-03-01,"
                        + "\"Line one\nline two\"\r\n")
                .endsWith("\r\n");
    }

    @Test
    void aCellThatASpreadsheetWouldRunGetsAnApostropheThatReadingTakesOff() {
        List<String> dangerous = List.of("=HYPERLINK(\"http://evil.example\",\"x\")", "+1+2", "-3", "@SUM(A1:A2)",
                "\tcmd", "'=already quoted");
        List<PlanSheet.Row> rows = dangerous.stream().map(text -> new PlanSheet.Row("M", text, Side.SELLER, null,
                null, null, null, null, null, null)).toList();

        String text = new String(CsvSheets.write(new PlanSheet("A", SheetColumn.LAYOUT, rows)), StandardCharsets.UTF_8);

        assertThat(text).contains("M,\"'=HYPERLINK(\"\"http://evil.example\"\",\"\"x\"\")\",", "M,'+1+2,", "M,'-3,",
                "M,'@SUM(A1:A2),", "M,'\tcmd,", "M,''=already quoted,");
        RawSheet read = CsvSheets.read(text.getBytes(StandardCharsets.UTF_8));
        assertThat(read.lines()).extracting(line -> line.cells().get(1))
                .containsExactly("=HYPERLINK(\"http://evil.example\",\"x\")", "+1+2", "-3", "@SUM(A1:A2)", "\tcmd",
                        "'=already quoted");
    }

    @Test
    void anyTextReadsBackAsItWasWrittenSaveSurroundingBlanks() {
        qt().withExamples(1000)
                .forAll(strings().basicMultilingualPlaneAlphabet().ofLengthBetween(0, 40).map(CsvSheetsTest::tricky),
                        strings().basicMultilingualPlaneAlphabet().ofLengthBetween(1, 40).map(CsvSheetsTest::tricky))
                .assuming((notes, step) -> !step.isBlank())
                .checkAssert((notes, step) -> {
                    PlanSheet sheet = new PlanSheet("A", SheetColumn.LAYOUT, List.of(new PlanSheet.Row("M", step,
                            Side.SELLER, null, null, null, null, null, notes, null)));
                    RawSheet.Line line = CsvSheets.read(CsvSheets.write(sheet)).lines().get(0);
                    assertThat(line.cell(1)).isEqualTo(step.strip());
                    assertThat(line.cell(8)).isEqualTo(notes.strip());
                });
    }

    @Test
    void readsSheetsSavedWithSemicolonsOrTabsAndCountsRowsAsSpreadsheetsDo() {
        String semicolons = "\uFEFFMilestone;Step;Side;Owners;Target Date;Status;Notes\r\n"
                + "Kickoff;\"Agree; then sign\";SELLER;;2026-05-04;NOT_STARTED;\r\n"
                + "\r\n"
                + "Kickoff;Second;BUYER;;;;\"two\nlines\"\r\n"
                + "Kickoff;Third;BUYER;;;;\r\n";
        RawSheet sheet = CsvSheets.read(semicolons.getBytes(StandardCharsets.UTF_8));

        assertThat(sheet.columns()).containsEntry(SheetColumn.MILESTONE, 0).containsEntry(SheetColumn.TARGET_DATE, 4)
                .containsEntry(SheetColumn.NOTES, 6).doesNotContainKey(SheetColumn.VISIBILITY);
        assertThat(sheet.lines()).extracting(RawSheet.Line::number).containsExactly(2, 3, 4, 5);
        assertThat(sheet.lines().get(0).cell(1)).isEqualTo("Agree; then sign");
        assertThat(sheet.lines().get(2).cell(6)).isEqualTo("two\nlines");

        RawSheet tabs = CsvSheets.read("milestone\tstep\tside\towners\ttarget date\tstatus\tnotes\nM\tS\tSELLER\t\t\t\t\n"
                .getBytes(StandardCharsets.UTF_8));
        assertThat(tabs.lines().get(0).cells()).containsExactly("M", "S", "SELLER", "", "", "", "");
    }

    @Test
    void refusesTextThatIsNotUtf8AndSheetsWithoutTheLayout() {
        byte[] windows1253 = "milestone,step\nΑ,Β\n".getBytes(java.nio.charset.Charset.forName("windows-1253"));
        assertThatThrownBy(() -> CsvSheets.read(windows1253))
                .isInstanceOfSatisfying(UnreadableSheetException.class,
                        e -> assertThat(e.messageKey()).isEqualTo("spreadsheet.notUtf8"));

        RawSheet partial = CsvSheets.read("milestone,step,notes\nM,S,\n".getBytes(StandardCharsets.UTF_8));
        assertThatThrownBy(partial::columns).isInstanceOfSatisfying(UnreadableSheetException.class, e -> {
            assertThat(e.messageKey()).isEqualTo("spreadsheet.missingColumns");
            assertThat(e.args()).containsExactly("side, owners, target date, status");
        });

        RawSheet twice = CsvSheets.read("milestone,step,Step,side,owners,target date,status,notes\n"
                .getBytes(StandardCharsets.UTF_8));
        assertThatThrownBy(twice::columns).isInstanceOfSatisfying(UnreadableSheetException.class,
                e -> assertThat(e.args()).containsExactly("step"));

        assertThatThrownBy(() -> CsvSheets.read("\r\n\r\n".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOfSatisfying(UnreadableSheetException.class,
                        e -> assertThat(e.messageKey()).isEqualTo("spreadsheet.empty"));
    }

    /**
     * Random text made harder: many characters become ones CSV and spreadsheets treat specially, and those a
     * database cannot store (NUL, lone surrogates) become ordinary ones.
     */
    private static String tricky(String random) {
        StringBuilder text = new StringBuilder();
        for (char c : random.toCharArray()) {
            if (c % 3 == 0) {
                text.append(SPECIAL.charAt(c % SPECIAL.length()));
            } else {
                text.append(c == 0 || Character.isSurrogate(c) ? 'x' : c);
            }
        }
        return text.toString();
    }

}
