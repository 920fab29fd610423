package dev.seedbank.swagger;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.util.FileSystemUtils;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a person does in Swagger UI: authorize with a bearer token, record an experiment
 * through "Try it out", look it up by name, and follow a deep link to an operation. Each
 * step leaves a screenshot in {@code target/screenshots/}.
 * <p>
 * Needs Chromium and chromedriver ({@code CHROMIUM_BIN}, {@code CHROMEDRIVER_BIN}, by
 * default {@code /usr/bin/chromium} and {@code /usr/bin/chromedriver}); without them the
 * test is skipped, except under {@code CI=true}, where it fails.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class SwaggerUiBrowserTests {

	static final Path CHROMIUM = Path.of(env("CHROMIUM_BIN", "/usr/bin/chromium"));

	static final Path CHROMEDRIVER = Path.of(env("CHROMEDRIVER_BIN", "/usr/bin/chromedriver"));

	/** 2^64-1: JavaScript numbers cannot hold it, so the page must show it as sent. */
	static final String MAX_SEED = "18446744073709551615";

	static final Path SCREENSHOTS = Path.of("target", "screenshots");

	/**
	 * Any string works until tokens are checked; then the test profile's bootstrap token.
	 */
	@Value("${seedbank.security.bootstrap-token:}")
	String bootstrapToken;

	@LocalServerPort
	int port;

	Path profile;

	ChromeDriver browser;

	WebDriverWait wait;

	@BeforeEach
	void openBrowser() throws IOException {
		boolean present = Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
		String missing = "Swagger UI browser test needs Chromium at " + CHROMIUM + " and chromedriver at "
				+ CHROMEDRIVER + " (set CHROMIUM_BIN / CHROMEDRIVER_BIN)";
		if (Boolean.parseBoolean(System.getenv("CI"))) {
			assertThat(present).as(missing).isTrue();
		}
		Assumptions.assumeTrue(present, missing);
		this.profile = Files.createTempDirectory("seedbank-chromium");
		ChromeOptions options = new ChromeOptions().setBinary(CHROMIUM.toFile())
			.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
					"--disable-background-networking", "--disable-component-update", "--disable-sync",
					"--disable-dev-shm-usage", "--window-size=1400,1600", "--user-data-dir=" + this.profile);
		options.setCapability("goog:loggingPrefs", java.util.Map.of("browser", "ALL"));
		// An explicit driver executable keeps Selenium Manager from trying to download
		// one.
		ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
			.usingAnyFreePort()
			.build();
		this.browser = new ChromeDriver(service, options);
		this.wait = new WebDriverWait(this.browser, Duration.ofSeconds(30));
		Files.createDirectories(SCREENSHOTS);
	}

	@AfterEach
	void closeBrowser() {
		if (this.browser != null) {
			this.browser.quit();
		}
		if (this.profile != null) {
			FileSystemUtils.deleteRecursively(this.profile.toFile());
		}
	}

	@Test
	void authorizeRecordLookUpAndDeepLink() throws IOException {
		String token = this.bootstrapToken.isBlank() ? "swagger-ui-test-token" : this.bootstrapToken;
		String name = "swagger-ui/" + UUID.randomUUID();

		this.browser.get(url("/"));
		visible(By.id("operations-Experiments-createExperiment"));
		assertThat(this.browser.getCurrentUrl()).endsWith("/swagger-ui/index.html");
		screenshot("01-swagger-ui");

		click(By.cssSelector("button.btn.authorize"));
		WebElement tokenField = visible(By.cssSelector(".auth-container input"));
		tokenField.sendKeys(token);
		screenshot("02-authorize");
		click(By.cssSelector(".auth-btn-wrapper button.authorize"));
		click(By.cssSelector(".auth-btn-wrapper button.btn-done"));
		this.wait.until(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector(".dialog-ux")));

		WebElement create = open("createExperiment");
		WebElement body = create.findElement(By.cssSelector("textarea.body-param__text"));
		String example = body.getDomProperty("value");
		assertThat(example).as("the request example").contains("\"resnet50-sweep-a/seed-17\"");
		body.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.DELETE);
		body.sendKeys(example.replace("resnet50-sweep-a/seed-17", name)
			.replace("\"composer\"", "\"torch\"")
			.replace("\"0.28.0\"", "\"2.5.1\"")
			.replace("\"globalSeed\": 17", "\"globalSeed\": " + MAX_SEED)
			.replace("\n", " "));
		String created = execute(create, "201");
		assertThat(created).contains("\"name\": \"" + name + "\"").contains("\"globalSeed\": " + MAX_SEED);
		assertThat(curl(create)).contains("Authorization: Bearer " + token);
		screenshot("03-created");

		WebElement search = open("searchExperiments");
		WebElement nameField = search.findElement(By.cssSelector("tr[data-param-name='name'] input"));
		nameField.sendKeys(name);
		String found = execute(search, "200");
		assertThat(found).contains("\"name\": \"" + name + "\"")
			.contains("\"globalSeed\": " + MAX_SEED)
			.contains("\"totalElements\": 1");
		assertThat(curl(search)).contains("name=" + name.replace("/", "%2F"));
		screenshot("04-lookup");

		this.browser.get("about:blank");
		this.browser.get(url("/swagger-ui/index.html#/Experiments/getExperiment"));
		WebElement deepLinked = visible(By.cssSelector("#operations-Experiments-getExperiment.is-open"));
		visible(By.cssSelector("#operations-Experiments-getExperiment .opblock-body"));
		scrollTo(deepLinked);
		assertThat(this.browser.findElements(By.cssSelector(".opblock.is-open"))).hasSize(1);
		screenshot("05-deep-link");
	}

	/** Expands an Experiments operation and switches it to "Try it out". */
	private WebElement open(String operationId) {
		By block = By.id("operations-Experiments-" + operationId);
		WebElement operation = visible(block);
		scrollTo(operation);
		operation.findElement(By.cssSelector(".opblock-summary")).click();
		visible(By.cssSelector("#operations-Experiments-" + operationId + " .opblock-body"));
		By tryItOut = By.cssSelector("#operations-Experiments-" + operationId + " button.try-out__btn");
		if (visible(tryItOut).getText().trim().equals("Try it out")) {
			click(tryItOut);
		}
		visible(By.cssSelector("#operations-Experiments-" + operationId + " button.execute"));
		return this.browser.findElement(block);
	}

	/** Presses Execute and waits for the response with the expected status. */
	private String execute(WebElement operation, String status) throws IOException {
		String id = operation.getDomAttribute("id");
		click(By.cssSelector("#" + id + " button.execute"));
		By responseStatus = By.cssSelector("#" + id + " .live-responses-table .response .response-col_status");
		try {
			this.wait.until(ExpectedConditions.textToBePresentInElementLocated(responseStatus, status));
		}
		catch (TimeoutException ex) {
			screenshot("failed-" + id);
			this.browser.manage().logs().get("browser").forEach((entry) -> System.err.println("BROWSER " + entry));
			throw ex;
		}
		WebElement response = visible(
				By.cssSelector("#" + id + " .live-responses-table .response .response-col_description pre"));
		scrollTo(response);
		return response.getText();
	}

	private String curl(WebElement operation) {
		return operation.findElement(By.cssSelector(".curl-command")).getText();
	}

	private WebElement visible(By locator) {
		return this.wait.until(ExpectedConditions.visibilityOfElementLocated(locator));
	}

	private void click(By locator) {
		this.wait.until(ExpectedConditions.elementToBeClickable(locator)).click();
	}

	private void scrollTo(WebElement element) {
		((JavascriptExecutor) this.browser).executeScript("arguments[0].scrollIntoView({block: 'center'});", element);
	}

	private void screenshot(String name) throws IOException {
		byte[] png = ((TakesScreenshot) this.browser).getScreenshotAs(OutputType.BYTES);
		Files.write(SCREENSHOTS.resolve(name + ".png"), png);
	}

	private String url(String path) {
		return "http://127.0.0.1:" + this.port + path;
	}

	private static String env(String name, String fallback) {
		String value = System.getenv(name);
		return (value != null && !value.isBlank()) ? value : fallback;
	}

}
