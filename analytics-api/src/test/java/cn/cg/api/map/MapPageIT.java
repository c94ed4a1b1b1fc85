package cn.cg.api.map;

import static org.assertj.core.api.Assertions.assertThat;

import cn.cg.api.DemoCityFixture;
import cn.cg.api.TestTokens;
import cn.cg.api.demo.DemoLoader;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.logging.Level;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The page in a real browser (Debian's chromium through chromedriver) over the whole pipeline: demo
 * city imported, aggregated by the real Spark job, served by the API.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "cg.map.base-url=")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class MapPageIT {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    DemoLoader demo;

    @Autowired
    Environment env;

    ChromeDriver driver;
    WebDriverWait wait;

    @BeforeAll
    void cityAndBrowser() throws Exception {
        boolean installed = Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
        if (!installed && "true".equals(System.getenv("CI"))) {
            throw new IllegalStateException("CI must install chromium and chromium-driver (see .ci/run)");
        }
        Assumptions.assumeTrue(installed, "chromium and chromium-driver are not installed: apt-get install chromium chromium-driver");
        jdbc.execute("TRUNCATE violation, violation_change, import_run, admin_area, station, candidate_site, exclusion_zone RESTART IDENTITY CASCADE");
        demo.load(false, 40_000);
        DemoCityFixture.aggregate(env.getProperty("spring.datasource.url"));

        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-quic",
                "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--window-size=1400,900", "--user-data-dir=" + Files.createTempDirectory("cg-chromium"));
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort().build();
        driver = new ChromeDriver(service, options);
        wait = new WebDriverWait(driver, Duration.ofSeconds(60));
        driver.get("http://127.0.0.1:" + env.getProperty("local.server.port") + "/");
    }

    @AfterAll
    void closeBrowser() {
        if (driver != null) {
            driver.quit();
        }
    }

    @Test
    @Order(1)
    void leadersViewDrawsHeatmapHotspotsAndRankingWithoutConsoleErrors() throws Exception {
        wait.until(d -> heatTiles().size() > 0 && loadedHeatTiles() > 0);
        wait.until(d -> d.findElements(By.cssSelector(".leaflet-cells-pane path")).size() > 0);
        wait.until(d -> d.findElements(By.cssSelector("#ranking tbody tr")).size() == 10);
        wait.until(d -> !d.findElements(By.cssSelector("#legend .ramp")).isEmpty());
        assertThat(driver.findElement(By.cssSelector("h1")).getText()).isEqualTo("城市管理空间分析");
        assertThat(driver.findElement(By.id("error")).isDisplayed()).isFalse();
        Thread.sleep(500);
        screenshot("leaders.png");
        List<LogEntry> severe = driver.manage().logs().get(LogType.BROWSER).getAll().stream()
                .filter(e -> e.getLevel().intValue() >= Level.SEVERE.intValue()).toList();
        assertThat(severe).as("console errors").isEmpty();
    }

    @Test
    @Order(2)
    void aFilterChangeChangesTheTilesRequested() {
        // Tiles are fetched with the token and shown from object URLs; data-src is the tile's API URL.
        String before = heatTiles().get(0).getAttribute("data-src");
        assertThat(before).contains("categories=all");
        new Select(driver.findElement(By.id("category"))).selectByValue("vendor");
        wait.until(d -> heatTiles().stream().anyMatch(t -> t.getAttribute("data-src").contains("categories=vendor")));
        assertThat(heatTiles()).allSatisfy(t -> assertThat(t.getAttribute("data-src")).contains("categories=vendor"));
    }

    @Test
    @Order(3)
    void theLanguageSwitchWorksBothWays() {
        driver.findElement(By.id("lang")).click();
        wait.until(d -> d.findElement(By.cssSelector("h1")).getText().equals("City management spatial analytics"));
        assertThat(driver.findElement(By.cssSelector("#tabs button[data-tab=planner]")).getText()).isEqualTo("Planning workbench");
        driver.findElement(By.id("lang")).click();
        wait.until(d -> d.findElement(By.cssSelector("h1")).getText().equals("城市管理空间分析"));
    }

    @Test
    @Order(4)
    void anAnonymousVisitorSeesTheHeatmapButIsAskedToSignInForSuggestions() {
        assertThat(driver.findElement(By.id("whoami")).getText()).isEqualTo("公众视图（小数值已隐藏）");
        assertThat(loadedHeatTiles()).isPositive();
        driver.findElement(By.cssSelector("#tabs button[data-tab=planner]")).click();
        wait.until(d -> d.findElement(By.id("plannerSignIn")).isDisplayed());
        assertThat(driver.findElement(By.id("plannerSignIn")).getText()).contains("规划人员");
        assertThat(driver.findElement(By.id("planRun")).isDisplayed()).isFalse();
        assertThat(driver.findElements(By.cssSelector("#scenarios li"))).isEmpty();
    }

    @Test
    @Order(5)
    void aPlannerSignsInAndASuggestionRunShowsItsSites() throws Exception {
        driver.findElement(By.cssSelector("#tabs button[data-tab=planner]")).click();
        driver.findElement(By.cssSelector("#plannerSignIn .sign-in-link")).click();
        wait.until(d -> d.findElement(By.id("token")).isDisplayed());
        driver.findElement(By.id("token")).sendKeys(TestTokens.PLANNER);
        driver.findElement(By.id("signInOk")).click();
        wait.until(d -> d.findElement(By.id("whoami")).getText().equals("身份：规划人员"));
        wait.until(d -> d.findElement(By.id("planRun")).isDisplayed());
        assertThat(driver.findElement(By.id("plannerSignIn")).isDisplayed()).isFalse();
        WebElement p = driver.findElement(By.id("planP"));
        p.clear();
        p.sendKeys("4");
        driver.findElement(By.id("planRun")).click();
        wait.until(d -> d.findElements(By.cssSelector("#planSites li.site")).size() == 4);
        assertThat(driver.findElements(By.cssSelector("path.suggested-site")).size()).isGreaterThanOrEqualTo(4);
        assertThat(driver.findElement(By.id("planTotals")).getText()).contains("%");
        Thread.sleep(500);
        screenshot("workbench.png");
    }

    private List<WebElement> heatTiles() {
        return driver.findElements(By.cssSelector(".leaflet-heat-pane img.leaflet-tile"));
    }

    private long loadedHeatTiles() {
        Object n = ((JavascriptExecutor) driver).executeScript(
                "return Array.from(document.querySelectorAll('.leaflet-heat-pane img.leaflet-tile')).filter(i => i.complete && i.naturalWidth > 0).length;");
        return ((Number) n).longValue();
    }

    /** Kept in target/screenshots; with -Dcg.screenshots=docs also in docs/screenshots for the README. */
    private void screenshot(String name) throws Exception {
        File shot = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE);
        Path target = Path.of("target/screenshots");
        Files.createDirectories(target);
        Files.copy(shot.toPath(), target.resolve(name), StandardCopyOption.REPLACE_EXISTING);
        if ("docs".equals(System.getProperty("cg.screenshots"))) {
            Path docs = Path.of("../docs/screenshots");
            Files.createDirectories(docs);
            Files.copy(shot.toPath(), docs.resolve(name), StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
