package io.mutua.forecasting.crm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mutua.web.InvalidInputException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** CRM exports as spreadsheets and CRMs save them, read into a header and numbered non-blank rows. */
class SheetReaderTest {

    private static Sheet csv(String text, Charset charset) {
        return SheetReader.read(new SheetFile("export.csv", text.getBytes(charset)));
    }

    @Test
    void theDelimiterIsTheOneTheHeaderUsesMost() {
        for (String delimiter : List.of(",", ";", "\t")) {
            Sheet sheet = csv(" Id " + delimiter + "Name" + delimiter + "Amount\n1" + delimiter + "\"A, B; C\""
                    + delimiter + "x\n", StandardCharsets.UTF_8);
            assertThat(sheet.headers()).as(delimiter).containsExactly("Id", "Name", "Amount");
            assertThat(sheet.rows()).singleElement().satisfies(row ->
                    assertThat(row.cells()).containsExactly("1", "A, B; C", "x"));
        }
    }

    @Test
    void blankRowsAreSkippedAndRowsKeepTheirSpreadsheetNumbers() {
        Sheet sheet = csv("\n ,, \nId,Name\n1,One\n,\n\n2,Two\n", StandardCharsets.UTF_8);
        assertThat(sheet.rows()).extracting(Sheet.Row::number).containsExactly(4, 7);
        assertThat(sheet.rows().get(1).cell(1)).isEqualTo("Two");
        assertThat(sheet.rows().get(1).cell(5)).as("beyond the row").isEmpty();
    }

    @Test
    void utf8WithOrWithoutBomAndWindows1252AreRead() {
        assertThat(csv("\uFEFFΌνομα,Λογαριασμός\nΆλφα,Β\n", StandardCharsets.UTF_8).headers())
                .containsExactly("Όνομα", "Λογαριασμός");
        assertThat(csv("Name\nCafé Müller – €\n", Charset.forName("windows-1252")).rows().get(0).cell(0))
                .isEqualTo("Café Müller – €");
    }

    @Test
    void filesWithoutAHeaderWithTwinColumnsOrOfAnotherKindAreRefused() {
        assertRefused(() -> csv("\n , \n", StandardCharsets.UTF_8), "crm.file.noHeader");
        assertRefused(() -> csv("Id,Name,id\n", StandardCharsets.UTF_8), "crm.file.duplicateHeader");
        assertRefused(() -> SheetReader.read(new SheetFile("export.xlsx", "Id,Name\n".getBytes())),
                "crm.file.unsupported");
        assertRefused(() -> SheetReader.read(new SheetFile("old.xls", new byte[] {1, 2, 3})), "crm.file.unsupported");
        assertRefused(() -> SheetReader.read(new SheetFile("a.bin", new byte[] {'I', 'd', 0, 5})),
                "crm.file.unsupported");
        assertRefused(() -> SheetReader.read(new SheetFile("broken.xlsx", new byte[] {'P', 'K', 3, 4, 9, 9})),
                "crm.file.unreadable");
        assertRefused(() -> csv("Id\n\"unterminated\n", StandardCharsets.UTF_8), "crm.file.unreadable");
    }

    @Test
    void filesAboveTheLimitsAreRefusedSayingSo() {
        StringBuilder many = new StringBuilder("Id\n");
        for (int i = 0; i <= SheetReader.MAX_ROWS; i++) {
            many.append(i).append('\n');
        }
        assertRefused(() -> csv(many.toString(), StandardCharsets.US_ASCII), "crm.file.tooManyRows");
        assertRefused(() -> SheetReader.read(new SheetFile("huge.csv", new byte[(int) SheetReader.MAX_BYTES + 1])),
                "crm.file.tooLarge");
    }

    private static void assertRefused(Runnable read, String key) {
        assertThatThrownBy(read::run).isInstanceOfSatisfying(InvalidInputException.class,
                e -> assertThat(e.messageKey()).isEqualTo(key));
    }
}
