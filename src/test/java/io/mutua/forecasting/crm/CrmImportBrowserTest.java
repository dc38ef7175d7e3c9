package io.mutua.forecasting.crm;

import static org.assertj.core.api.Assertions.assertThat;

import io.mutua.Browser;
import io.mutua.IntegrationTest;
import io.mutua.TestData;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A manager imports a CRM export of a few hundred deals in a real browser: upload, one stage mapped by hand, the
 * preview with its rejected row, the progress bar while the import runs, the outcome, and the deals list after it.
 * The console must stay free of errors (the Content-Security-Policy forbids inline scripts and styles).
 */
@IntegrationTest
class CrmImportBrowserTest {

    private static final int ROWS = 300;

    @LocalServerPort
    int port;
    @Autowired
    TestData data;
    @Autowired
    DataSource dataSource;
    @TempDir
    Path files;

    private Browser browser;
    private ChromeDriver driver;
    private WebDriverWait wait;

    @BeforeEach
    void startBrowser() {
        browser = Browser.start(port);
        driver = browser.driver();
        wait = browser.waiting();
    }

    @AfterEach
    void quitBrowser() {
        if (browser != null) {
            browser.close();
        }
    }

    @Test
    void aManagerImportsAFewHundredDealsWatchesTheProgressAndFindsThemInTheDealsList() throws Exception {
        TestData.Seller manager = data.user("MANAGER", data.team("Browser CRM import"));
        String prefix = "B" + TestData.unique();
        Path csv = files.resolve("opportunities.csv");
        Files.write(csv, CrmExportFiles.deals(prefix, ROWS));

        browser.signIn(manager.email(), TestData.PASSWORD);
        driver.get(browser.url("/deals"));
        driver.findElement(By.cssSelector(".page-head a[href='/imports/deals']")).click();
        wait.until(ExpectedConditions.urlToBe(browser.url("/imports/deals")));
        driver.findElement(By.id("crm-file")).sendKeys(csv.toAbsolutePath().toString());
        driver.findElement(By.cssSelector("form.crm-upload button[type=submit]")).click();

        wait.until(ExpectedConditions.urlMatches("/imports/deals/[0-9a-f-]+/mapping$"));
        assertThat(driver.findElement(By.tagName("main")).getText()).contains("The file has " + (ROWS + 2) + " rows");
        assertThat(new Select(driver.findElement(By.id("column_ID"))).getFirstSelectedOption().getText())
                .isEqualTo("Opportunity ID");
        WebElement verbal = stageSelect(CrmExportFiles.UNKNOWN_STAGE);
        new Select(verbal).selectByValue("negotiation");
        driver.findElement(By.cssSelector("form.crm-mapping button[type=submit]")).click();

        wait.until(ExpectedConditions.urlMatches("/preview$"));
        assertThat(driver.findElement(By.id("count-created")).getText()).isEqualTo(String.valueOf(ROWS + 1));
        assertThat(driver.findElement(By.id("count-rejected")).getText()).isEqualTo("1");
        assertThat(driver.findElement(By.cssSelector("table.row-errors")).getText())
                .contains(String.valueOf(ROWS + 2), CrmExportFiles.BAD_AMOUNT);

        try (Connection holder = dataSource.getConnection()) {
            // Deals cannot be written while this transaction holds the table: the import waits, visibly running.
            holder.setAutoCommit(false);
            try (Statement statement = holder.createStatement()) {
                statement.execute("lock table deal in share mode");
            }
            driver.findElement(By.id("run-import")).click();
            WebElement bar = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("import-progress-bar")));
            assertThat(bar.getTagName()).isEqualTo("progress");
            assertThat(bar.getDomAttribute("max")).isEqualTo(String.valueOf(ROWS + 2));
            assertThat(driver.findElement(By.cssSelector(".progress-count")).getText())
                    .matches("\\d+ of " + (ROWS + 2) + " rows");
            holder.commit();
        }

        new WebDriverWait(driver, Duration.ofSeconds(60)).until(
                ExpectedConditions.textToBePresentInElementLocated(By.id("import-progress"), "Import finished"));
        assertThat(driver.findElements(By.id("import-progress-bar"))).isEmpty();
        assertThat(driver.findElement(By.id("count-created")).getText()).isEqualTo(String.valueOf(ROWS + 1));
        assertThat(driver.findElement(By.id("count-rejected")).getText()).isEqualTo("1");
        assertThat(driver.findElement(By.id("import-progress")).getText())
                .contains((ROWS + 1) + " deals created, 0 updated, 0 unchanged, 1 rejected");

        driver.findElement(By.cssSelector("#import-progress a[href='/deals']")).click();
        WebElement search = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("q")));
        search.sendKeys(CrmExportFiles.name(prefix, ROWS + 2));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("deal-results"),
                CrmExportFiles.name(prefix, ROWS + 2)));

        assertThat(browser.consoleErrors()).as("browser console errors").isEmpty();
    }

    /** The select of the pipeline stage for a stage name of the file. */
    private WebElement stageSelect(String name) {
        for (WebElement label : driver.findElements(By.cssSelector("#stage-mapping label"))) {
            if (name.equals(label.getDomProperty("textContent").trim())) {
                return driver.findElement(By.id(label.getDomAttribute("for")));
            }
        }
        throw new AssertionError("no stage name " + name + " on the mapping page");
    }
}
