package io.mutua;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.stream.Stream;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A headless Debian Chromium for real-browser tests, in English, driven by the system's chromedriver so that
 * Selenium Manager never downloads anything. Where Chromium is missing the test is skipped, saying so — except in
 * CI (MUTUA_REQUIRE_BROWSER=true), where that is a failure.
 */
public final class Browser implements AutoCloseable {

    private static final File CHROMIUM = new File("/usr/bin/chromium");
    private static final File CHROMEDRIVER = new File("/usr/bin/chromedriver");

    private final ChromeDriverService service;
    private final ChromeDriver driver;
    private final WebDriverWait wait;
    private final int port;

    private Browser(ChromeDriverService service, ChromeDriver driver, int port) {
        this.service = service;
        this.driver = driver;
        this.wait = new WebDriverWait(driver, Duration.ofSeconds(15));
        this.port = port;
    }

    /** Starts a browser for the application on {@code port}, or skips the test where there is none. */
    public static Browser start(int port) {
        List<String> missing = Stream.of(CHROMIUM, CHROMEDRIVER).filter(file -> !file.canExecute())
                .map(File::getPath).toList();
        if ("true".equals(System.getenv("MUTUA_REQUIRE_BROWSER"))) {
            assertThat(missing).as("Chromium and chromedriver must be installed in CI").isEmpty();
        }
        assumeTrue(missing.isEmpty(), () -> "Skipped: real-browser tests need Debian's Chromium and its driver, "
                + "missing " + String.join(" and ", missing) + "; install them with "
                + "'apt-get install chromium chromium-driver', as CI does.");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM);
        options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--window-size=1366,900",
                "--lang=en-US");
        options.setExperimentalOption("prefs", Map.of("intl.accept_languages", "en-US"));
        LoggingPreferences logging = new LoggingPreferences();
        logging.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logging);
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER)
                .usingAnyFreePort().withEnvironment(Map.of("LANG", "en_US.UTF-8", "LANGUAGE", "en_US")).build();
        return new Browser(service, new ChromeDriver(service, options), port);
    }

    public ChromeDriver driver() {
        return driver;
    }

    public WebDriverWait waiting() {
        return wait;
    }

    public String url(String path) {
        return "http://localhost:" + port + path;
    }

    /** Signs in through the login form and waits until the browser has left it. */
    public void signIn(String email, String password) {
        driver.get(url("/login"));
        driver.findElement(By.id("email")).sendKeys(email);
        driver.findElement(By.id("password")).sendKeys(password);
        driver.findElement(By.cssSelector("form[action='/login'] button[type=submit]")).click();
        wait.until(ExpectedConditions.not(ExpectedConditions.urlContains("/login")));
    }

    /** The console's errors since the last call (CSP violations, script errors, failed requests). */
    public List<LogEntry> consoleErrors() {
        return driver.manage().logs().get(LogType.BROWSER).getAll().stream()
                .filter(entry -> entry.getLevel().intValue() >= Level.SEVERE.intValue())
                .toList();
    }

    @Override
    public void close() {
        try {
            driver.quit();
        } finally {
            service.stop();
        }
    }
}
