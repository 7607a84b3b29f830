package io.heatwire.systemtests;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;
import tools.jackson.databind.JsonNode;

import io.heatwire.localkafka.LocalKafkaProcess;
import io.heatwire.support.process.ChildProcess;

/**
 * SPEC 11's page in a real browser: enrich-service on a real broker processes the seeds, and a
 * headless Chromium (Debian's {@code chromium} and {@code chromium-driver}, driven by Selenium)
 * loads {@code /}: the hottest cluster's headline and size appear, a cluster's stories open on
 * demand, and the URL search finds a story by an alias URL of its article. Screenshots, laptop and
 * phone sized, are written to {@code target/hot-clusters-page-it}. Skipped without the browser.
 */
class HotClustersPageIT {

    private static final Path ENRICH_JAR = Path.of("..", "enrich-service", "target", "enrich-service.jar");
    private static final Path SEEDS = Path.of("..", "seeds");
    private static final Path WORK = Path.of("target", "hot-clusters-page-it").toAbsolutePath();
    private static final List<Path> BROWSERS =
            List.of(Path.of("/usr/bin/chromium"), Path.of("/usr/bin/chromium-browser"));
    private static final List<Path> DRIVERS =
            List.of(Path.of("/usr/bin/chromedriver"), Path.of("/usr/lib/chromium/chromedriver"));
    private static final Duration START_TIMEOUT = Duration.ofSeconds(120);
    private static final Duration PAGE_TIMEOUT = Duration.ofSeconds(30);
    /** The seed whose article lists an AMP URL of its own: the search uses that alias. */
    private static final String SEED_WITH_ALIAS = "000_5bff30fac1333115.txt";

    private static final String ALIAS_URL =
            "https://www.dailymail.co.uk/news/article-10298385/amp/Police-using-hand-held-facial-recognition-cameras-streets-time.html";

    private static LocalKafkaProcess broker;
    private static Admin admin;
    private static EnrichPipeline pipeline;
    private static int port;
    private static WebDriver browser;
    private static Map<String, JsonNode> clusters;
    private static Map<String, JsonNode> stories;

    @BeforeAll
    static void runTheSeedsAndOpenABrowser() throws Exception {
        final Optional<Path> chromium =
                BROWSERS.stream().filter(Files::isExecutable).findFirst();
        final Optional<Path> driver =
                DRIVERS.stream().filter(Files::isExecutable).findFirst();
        Assumptions.assumeTrue(
                chromium.isPresent() && driver.isPresent(),
                "no headless browser: install Debian's chromium and chromium-driver (apt-get install -y chromium "
                        + "chromium-driver) to run the page test");
        assertThat(ENRICH_JAR)
                .as("package the services first: ./mvnw -pl system-tests -am verify")
                .isRegularFile();
        WorkDirectory.deleteRecursively(WORK);
        Files.createDirectories(WORK);

        broker = LocalKafkaProcess.start(LocalKafkaProcess.settingsOnFreePorts(WORK.resolve("kafka")), START_TIMEOUT);
        admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers()));
        pipeline = new EnrichPipeline("page", ENRICH_JAR, broker.bootstrapServers(), WORK, List.of());
        admin.createTopics(List.of(new NewTopic(pipeline.topic("raw"), 6, (short) 1)))
                .all()
                .get();
        KafkaTopics.publish(
                broker.bootstrapServers(),
                List.of(pipeline.topic("raw")),
                seeds(),
                Instant.now().truncatedTo(ChronoUnit.SECONDS));
        port = ServiceHttp.freePort();
        final ChildProcess service = pipeline.startInstance("web", port);
        ServiceHttp.awaitReadiness(service, port, 200, START_TIMEOUT);
        pipeline.awaitCaughtUp(START_TIMEOUT);
        clusters = KafkaTopics.latestValues(broker.bootstrapServers(), pipeline.topic("clusters"));
        stories = KafkaTopics.latestValues(broker.bootstrapServers(), pipeline.topic("stories"));

        final ChromeOptions options = new ChromeOptions();
        options.setBinary(chromium.get().toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--window-size=1280,900");
        browser = new ChromeDriver(
                new ChromeDriverService.Builder()
                        .usingDriverExecutable(driver.get().toFile())
                        .withLogFile(WORK.resolve("chromedriver.log").toFile())
                        .build(),
                options);
    }

    @AfterAll
    static void closeEverything() throws Exception {
        if (browser != null) {
            browser.quit();
        }
        Teardown.closeAll(pipeline, admin, broker);
    }

    @Test
    void shouldShowTheHottestClusterWithItsHeadlineAndSizeAndOpenItsStories() throws Exception {
        final JsonNode hottest = QueryApi.byHeat(clusters).get(0);
        browser.get("http://127.0.0.1:" + port + "/");

        final WebElement first = wait(PAGE_TIMEOUT)
                .until(page -> page.findElements(By.cssSelector("li.cluster")).stream()
                        .findFirst()
                        .filter(card -> hottest.get("id").asString().equals(card.getDomAttribute("data-cluster-id")))
                        .orElse(null));
        assertThat(first.findElement(By.cssSelector(".headline")).getText())
                .isEqualTo(hottest.get("headline").get("title").asString());
        assertThat(first.findElement(By.cssSelector(".headline a")).getDomAttribute("href"))
                .isEqualTo(hottest.get("headline").get("url").asString());
        assertThat(first.findElement(By.cssSelector(".size")).getText())
                .isEqualTo(hottest.get("size").asString());
        assertThat(browser.findElements(By.cssSelector("li.cluster"))).hasSize(Math.min(20, clusters.size()));

        first.findElement(By.cssSelector(".members-toggle")).click();
        final int members = (int) Math.min(50, hottest.get("size").asLong());
        wait(PAGE_TIMEOUT)
                .until(page -> page.findElements(By.cssSelector("li.cluster .members li"))
                                .size()
                        == members);
        screenshot("page-laptop.png");
    }

    @Test
    void shouldFindAStoryByTheAliasUrlOfItsArticle() throws Exception {
        final String webUrl = RawDocument.webUrl(SEED_WITH_ALIAS, Files.readAllBytes(SEEDS.resolve(SEED_WITH_ALIAS)));
        final JsonNode story = stories.values().stream()
                .filter(s -> webUrl.equals(s.get("url").asString()))
                .findFirst()
                .orElseThrow();
        browser.manage().window().setSize(new Dimension(390, 844));
        browser.get("http://127.0.0.1:" + port + "/");

        browser.findElement(By.id("url")).sendKeys(ALIAS_URL);
        browser.findElement(By.cssSelector("#search button")).click();

        final WebElement found = wait(PAGE_TIMEOUT)
                .until(page -> page.findElements(By.cssSelector("#found [data-story-id]")).stream()
                        .findFirst()
                        .orElse(null));
        assertThat(found.getDomAttribute("data-story-id"))
                .isEqualTo(story.get("id").asString());
        assertThat(found.getText()).contains(story.get("title").asString());
        screenshot("page-phone-search.png");
        browser.manage().window().setSize(new Dimension(1280, 900));
    }

    private static WebDriverWait wait(Duration timeout) {
        return new WebDriverWait(browser, timeout);
    }

    private static void screenshot(String name) throws Exception {
        final File shot = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE);
        final Path target = WORK.resolve(name);
        Files.copy(shot.toPath(), target, StandardCopyOption.REPLACE_EXISTING);
        assertThat(Files.size(target)).as("screenshot %s", target).isPositive();
    }

    private static List<RawDocument> seeds() throws Exception {
        final List<RawDocument> documents = new ArrayList<>();
        try (Stream<Path> files = Files.list(SEEDS)) {
            for (Path file : files.sorted().toList()) {
                documents.add(RawDocument.withWebUrl(file.getFileName().toString(), Files.readAllBytes(file)));
            }
        }
        return documents;
    }
}
