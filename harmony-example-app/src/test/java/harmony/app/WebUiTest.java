package harmony.app;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Base64;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every flow of the product page in a real browser against the real app (H2, filesystem store,
 * bundled speech models) on a random port. Screenshots land in target/screenshots for review.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class WebUiTest {
    static HarmonyApp app;
    static ChromeDriver browser;
    static WebDriverWait wait;
    static HttpServer files;
    static Path screenshots = Path.of("target", "screenshots");

    @BeforeAll
    static void start() throws Exception {
        browser = Browser.start();
        wait = new WebDriverWait(browser, Duration.ofSeconds(30));
        Path data = Files.createTempDirectory("harmony-ui-test");
        files = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        files.createContext("/speech.mp3", exchange -> {
            byte[] mp3 = resource("speech.mp3");
            exchange.getResponseHeaders().add("Content-Type", "audio/mpeg");
            exchange.sendResponseHeaders(200, "HEAD".equals(exchange.getRequestMethod()) ? -1 : mp3.length);
            if (!"HEAD".equals(exchange.getRequestMethod())) {
                exchange.getResponseBody().write(mp3);
            }
            exchange.close();
        });
        files.start();
        Properties p = new Properties();
        AppSettings.DEFAULTS.forEach(p::setProperty);
        p.setProperty("harmony.http.port", "0");
        p.setProperty("harmony.http.host", "127.0.0.1");
        p.setProperty("harmony.data.dir", data.toString());
        p.setProperty("harmony.url.import.allow", "127.0.0.1");
        p.setProperty("harmony.ratelimit.per.second", "1000");
        p.setProperty("harmony.ratelimit.burst", "1000");
        app = HarmonyApp.start(AppSettings.from(p));
        Files.createDirectories(screenshots);
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.quit();
        }
        if (app != null) {
            app.close();
        }
        if (files != null) {
            files.stop(0);
        }
    }

    @BeforeEach
    void home() {
        browser.get("http://127.0.0.1:" + app.port() + "/");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("whoami"), "Ada Lovelace"));
    }

    static byte[] resource(String name) throws java.io.IOException {
        try (InputStream in = WebUiTest.class.getResourceAsStream("/media/" + name)) {
            return in.readAllBytes();
        }
    }

    static void screenshot(String name) throws java.io.IOException {
        Files.copy(browser.getScreenshotAs(OutputType.FILE).toPath(), screenshots.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
    }

    WebElement dialog() {
        return wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("upload-dialog")));
    }

    void closeDialog() {
        browser.findElement(By.cssSelector("#upload-dialog .close")).click();
        wait.until(ExpectedConditions.invisibilityOfElementLocated(By.id("upload-dialog")));
    }

    void chooseContact(String prefix, String name) {
        WebElement contact = browser.findElement(By.id("contact-input"));
        contact.sendKeys(prefix);
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.xpath("//ul[@id='contact-options']/li[contains(., '" + name + "')]"))).click();
        assertThat(contact.getAttribute("value")).isEqualTo(name);
    }

    void fillRequired() {
        chooseContact("Dan", "Dana Reyes");
        new Select(browser.findElement(By.id("cf-dealStage"))).selectByVisibleText("Demo");
    }

    @Test
    @Order(1)
    void theThreeWaysIntoTheDialogAndItsDefaults() throws Exception {
        browser.findElement(By.id("add-conversation")).click();
        WebElement dialog = dialog();
        assertThat(browser.findElement(By.id("tab-transcript")).getAttribute("aria-selected")).isEqualTo("true");
        assertThat(browser.findElement(By.id("transcript-text")).getAttribute("placeholder")).isEqualTo("Paste your conversation transcript here…");
        assertThat(new Select(browser.findElement(By.id("team-input"))).getFirstSelectedOption().getText()).isEqualTo("Sales");
        assertThat(new Select(browser.findElement(By.id("owner-input"))).getFirstSelectedOption().getText()).isEqualTo("Ada Lovelace");
        assertThat(new Select(browser.findElement(By.id("medium-input"))).getFirstSelectedOption().getText()).isEqualTo("Chat");
        assertThat(dialog.getText()).contains("Deal stage");
        screenshot("upload-dialog");
        closeDialog();

        browser.get("http://127.0.0.1:" + app.port() + "/ui/index.html#/start");
        wait.until(ExpectedConditions.elementToBeClickable(By.id("quick-upload"))).click();
        assertThat(dialog().isDisplayed()).isTrue();
        closeDialog();

        new Actions(browser).keyDown(Keys.CONTROL).sendKeys("k").keyUp(Keys.CONTROL).perform();
        wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("[data-command='Upload']"))).click();
        assertThat(dialog().isDisplayed()).isTrue();
        closeDialog();
    }

    @Test
    @Order(2)
    void focusStaysInsideTheOpenDialog() {
        browser.findElement(By.id("add-conversation")).click();
        dialog();
        for (int i = 0; i < 30; i++) {
            new Actions(browser).sendKeys(Keys.TAB).perform();
            Object inside = browser.executeScript("return document.getElementById('upload-dialog').contains(document.activeElement)");
            assertThat(inside).isEqualTo(true);
        }
        closeDialog();
    }

    @Test
    @Order(3)
    void missingRequiredFieldsAreNamedAndMarked() {
        browser.findElement(By.id("add-conversation")).click();
        dialog();
        browser.findElement(By.id("transcript-text")).sendKeys("Dana: hello");
        browser.findElement(By.id("upload-submit")).click();
        WebElement error = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("form-error")));
        assertThat(error.getText()).isEqualTo("Please fill in all required fields.");
        assertThat(browser.findElement(By.cssSelector(".field[data-field='contact']")).getAttribute("class")).contains("invalid");
        assertThat(browser.findElement(By.cssSelector(".field[data-field='customFields.dealStage']")).getAttribute("class")).contains("invalid");
        closeDialog();
    }

    @Test
    @Order(4)
    void aPastedTranscriptSubmittedWithShiftEnterAppearsAndItsBadgeTurnsCompletedLive() throws Exception {
        browser.get("http://127.0.0.1:" + app.port() + "/ui/index.html#/meetings");
        browser.findElement(By.id("add-conversation")).click();
        dialog();
        browser.findElement(By.id("transcript-text")).sendKeys(
                "Ada: Thanks for joining, Dana. What budget do you have for the pilot?\n"
                        + "Dana: Around twenty thousand. Can you send the pricing by Friday?\n"
                        + "Ada: Yes, I will send the pricing sheet by Friday. Let's schedule a follow-up next week.");
        fillRequired();
        new Actions(browser).keyDown(Keys.SHIFT).sendKeys(Keys.ENTER).keyUp(Keys.SHIFT).perform();
        wait.until(ExpectedConditions.invisibilityOfElementLocated(By.id("upload-dialog")));
        String firstSeen = wait.ignoring(org.openqa.selenium.StaleElementReferenceException.class)
                .until(d -> d.findElement(By.cssSelector("#meetings-rows tr.row .badge")).getAttribute("data-status"));
        assertThat(firstSeen).isIn("queued", "extracting", "generating_insights", "evaluating_goals", "scoring", "completed");
        Object reloads = browser.executeScript("window.__notReloaded = true; return 1");
        assertThat(reloads).isNotNull();
        wait.ignoring(org.openqa.selenium.StaleElementReferenceException.class)
                .until(d -> "completed".equals(d.findElement(By.cssSelector("#meetings-rows tr.row .badge")).getAttribute("data-status")));
        assertThat(browser.executeScript("return window.__notReloaded === true")).isEqualTo(true);
        screenshot("meetings-list");
    }

    @Test
    @Order(5)
    void aRecordingUploadsInPartsWithProgressAndAToast() throws Exception {
        Path mp3 = Files.createTempFile("call-", ".mp3");
        Files.write(mp3, resource("speech.mp3"));
        browser.findElement(By.id("add-conversation")).click();
        dialog();
        browser.findElement(By.id("tab-recording")).click();
        WebElement zone = browser.findElement(By.id("dropzone"));
        assertThat(zone.getText()).contains("Click to upload or drag and drop").contains("Audio or video files (max 2 GB)");
        browser.findElement(By.id("file-input")).sendKeys(mp3.toAbsolutePath().toString());
        assertThat(browser.findElement(By.id("selected-file")).getText()).isEqualTo("Selected: " + mp3.getFileName());
        fillRequired();
        new Select(browser.findElement(By.id("medium-input"))).selectByVisibleText("Call");
        browser.findElement(By.id("upload-submit")).click();
        WebElement toast = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".toast")));
        assertThat(toast.getText()).isEqualTo("Recording uploaded successfully.");
        @SuppressWarnings("unchecked")
        java.util.List<String> labels = (java.util.List<String>) browser.executeScript("return window.__progressLabels || []");
        assertThat(labels).contains("Preparing upload…", "Uploading 1 parts…", "Upload complete. Finishing up…");
        wait.until(d -> d.findElements(By.cssSelector("#meetings-rows tr.row")).stream()
                .anyMatch(r -> r.getText().contains(mp3.getFileName().toString().replace(".mp3", ""))));
    }

    @Test
    @Order(6)
    void dragAndDropChecksTheTypeWithTheProductMessage() throws Exception {
        browser.findElement(By.id("add-conversation")).click();
        dialog();
        browser.findElement(By.id("tab-recording")).click();
        drop("minutes.pdf", "application/pdf", resource("sample.pdf"));
        WebElement error = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("file-error")));
        assertThat(error.getText()).isEqualTo("Please upload an audio or video file.");
        drop("call.mp3", "audio/mpeg", resource("speech.mp3"));
        assertThat(browser.findElement(By.id("selected-file")).getText()).isEqualTo("Selected: call.mp3");
        assertThat(browser.findElement(By.id("file-error")).isDisplayed()).isFalse();
        closeDialog();
    }

    void drop(String name, String type, byte[] bytes) {
        ((JavascriptExecutor) browser).executeScript(
                "const bytes = Uint8Array.from(atob(arguments[0]), c => c.charCodeAt(0));"
                        + "const dt = new DataTransfer(); dt.items.add(new File([bytes], arguments[1], {type: arguments[2]}));"
                        + "const zone = document.getElementById('dropzone');"
                        + "zone.dispatchEvent(new DragEvent('dragover', {dataTransfer: dt, bubbles: true, cancelable: true}));"
                        + "zone.dispatchEvent(new DragEvent('drop', {dataTransfer: dt, bubbles: true, cancelable: true}));",
                Base64.getEncoder().encodeToString(bytes), name, type);
    }

    @Test
    @Order(7)
    void theUrlIsVerifiedAfterAnEightHundredMillisecondPause() throws Exception {
        browser.findElement(By.id("add-conversation")).click();
        dialog();
        browser.findElement(By.id("tab-recording")).click();
        browser.findElement(By.id("tab-url")).click();
        WebElement url = browser.findElement(By.id("url-input"));
        assertThat(url.getAttribute("placeholder")).isEqualTo("https://example.com/recording.mp3");
        WebElement submit = browser.findElement(By.id("upload-submit"));

        url.sendKeys("not a url");
        Thread.sleep(400);
        assertThat(browser.findElements(By.cssSelector("[data-testid=url-message]"))).isEmpty();
        wait.until(ExpectedConditions.textToBe(By.cssSelector("[data-testid=url-message]"), "Invalid URL format."));
        assertThat(submit.isEnabled()).isFalse();

        url.clear();
        url.sendKeys("http://10.0.0.1/recording.mp3");
        wait.until(ExpectedConditions.textToBe(By.cssSelector("[data-testid=url-message]"), "The provided URL is not publicly accessible."));
        assertThat(submit.isEnabled()).isFalse();

        url.clear();
        url.sendKeys("http://127.0.0.1:" + files.getAddress().getPort() + "/speech.mp3");
        wait.until(ExpectedConditions.textToBe(By.cssSelector("[data-testid=url-message]"), "URL is accessible and valid for recording."));
        assertThat(browser.findElement(By.id("url-status")).getAttribute("class")).contains("ok");
        assertThat(submit.isEnabled()).isTrue();
        fillRequired();
        submit.click();
        wait.until(ExpectedConditions.invisibilityOfElementLocated(By.id("upload-dialog")));
    }

    @Test
    @Order(8)
    void theMeetingPageShowsTranscriptInsightsAndMatchesSpeakers() throws Exception {
        browser.get("http://127.0.0.1:" + app.port() + "/ui/index.html#/meetings");
        WebElement row = wait.until(d -> d.findElements(By.cssSelector("#meetings-rows tr.row")).stream()
                .filter(r -> r.getText().contains("Completed") && r.getText().startsWith("call-")).findFirst().orElse(null));
        row.click();
        WebElement turns = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("turns")));
        assertThat(turns.getText().toLowerCase()).contains("proposal");
        WebElement player = browser.findElement(By.id("player"));
        wait.until(d -> !((String) ((JavascriptExecutor) d).executeScript("return arguments[0].src", player)).isEmpty());
        WebElement lastTurn = browser.findElements(By.cssSelector("#turns .turn")).get(browser.findElements(By.cssSelector("#turns .turn")).size() - 1);
        long startMs = Long.parseLong(lastTurn.getAttribute("data-start"));
        lastTurn.click();
        wait.until(d -> Math.abs(((Number) ((JavascriptExecutor) d).executeScript("return arguments[0].currentTime", player)).doubleValue() * 1000 - startMs) < 1500);

        Select match = new Select(browser.findElement(By.cssSelector("#speakers select")));
        match.selectByVisibleText("Dana Reyes");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("speakers"), "Dana Reyes (S1)"));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("turns"), "Dana Reyes"));
        screenshot("meeting-transcript");

        browser.findElement(By.id("meeting-tab-insights")).click();
        WebElement items = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("action-items")));
        assertThat(items.getText()).contains("Owner: Dana Reyes");
        assertThat(browser.findElement(By.id("summary")).getText()).isNotBlank();
        screenshot("meeting-insights");

        browser.findElement(By.id("meeting-tab-properties")).click();
        WebElement tag = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("prop-tag-input")));
        tag.sendKeys("demo", Keys.ENTER);
        browser.findElement(By.id("prop-save")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("prop-tags"), "demo"));
        assertThat(app.harmony().catalog().listConversations(new harmony.core.port.in.Actor("acme", "acme-ada"),
                harmony.core.port.out.ConversationQuery.all("acme").withText(null)).items().stream()
                .anyMatch(c -> c.tags().contains("demo"))).isTrue();
    }

    @Test
    @Order(9)
    void aFailedConversationShowsItsReasonAndRetries() throws Exception {
        Path video = Files.createTempFile("silent-", ".mp4");
        Files.write(video, resource("video-only.mp4"));
        // On a slow link the list's answers arrive late and the status stream opens late, so the failure
        // can come before the stream and overtake the list; the list must still show it.
        browser.executeScript("window.__realFetch = window.fetch; const later = (ms, f) => new Promise((ok) => setTimeout(ok, ms)).then(f);"
                + " window.fetch = (url, init) => String(url).endsWith('/v1/events') ? later(3000, () => window.__realFetch(url, init))"
                + " : String(url).includes('/v1/conversations?') ? window.__realFetch(url, init).then((r) => later(1000, () => r))"
                + " : window.__realFetch(url, init);");
        browser.findElement(By.id("add-conversation")).click();
        dialog();
        browser.findElement(By.id("tab-recording")).click();
        browser.findElement(By.id("file-input")).sendKeys(video.toAbsolutePath().toString());
        fillRequired();
        browser.findElement(By.id("upload-submit")).click();
        wait.until(ExpectedConditions.invisibilityOfElementLocated(By.id("upload-dialog")));
        wait.ignoring(org.openqa.selenium.StaleElementReferenceException.class).until(d -> d.findElements(By.cssSelector("#meetings-rows tr.row")).stream()
                .anyMatch(r -> r.getText().startsWith("silent-") && "failed".equals(r.findElement(By.cssSelector(".badge")).getAttribute("data-status"))));
        browser.executeScript("window.fetch = window.__realFetch;");
        browser.findElements(By.cssSelector("#meetings-rows tr.row")).stream().filter(r -> r.getText().startsWith("silent-")).findFirst().orElseThrow().click();
        WebElement failure = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("failure")));
        assertThat(failure.getText()).contains("The file has no audio track.");
        screenshot("meeting-failed");
        browser.findElement(By.id("retry")).click();
        wait.until(d -> d.findElements(By.id("failure")).isEmpty() || d.findElement(By.id("meeting-status")).getText().equals("Failed"));
    }

    @Test
    @Order(10)
    void aDroppedConnectionResumesTheUploadFromThePartsTheServerHas() throws Exception {
        byte[] head = resource("speech.mp3");
        byte[] file = java.util.Arrays.copyOf(head, 9 * 1024 * 1024); // two 8 MiB parts
        Path big = Files.createTempFile("resume-", ".mp3");
        Files.write(big, file);
        // The first attempt at part 2 dies like a dropped connection; the dialog must ask what arrived and go on.
        browser.executeScript("window.__dropped = 0; const realFetch = window.fetch;"
                + "window.fetch = (url, init) => { if (String(url).endsWith('/parts/2') && window.__dropped === 0) {"
                + " window.__dropped = 1; return Promise.reject(new TypeError('Failed to fetch')); } return realFetch(url, init); };");
        browser.findElement(By.id("add-conversation")).click();
        dialog();
        browser.findElement(By.id("tab-recording")).click();
        browser.findElement(By.id("file-input")).sendKeys(big.toAbsolutePath().toString());
        fillRequired();
        browser.findElement(By.id("upload-submit")).click();
        WebElement toast = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".toast")));
        assertThat(toast.getText()).isEqualTo("Recording uploaded successfully.");
        assertThat(browser.executeScript("return window.__dropped")).isEqualTo(1L);
        var actor = new harmony.core.port.in.Actor("acme", "acme-ada");
        var uploaded = app.harmony().catalog().listConversations(actor, harmony.core.port.out.ConversationQuery.all("acme").withLimit(200))
                .items().stream().filter(c -> c.title().startsWith("resume-")).findFirst().orElseThrow();
        assertThat(uploaded.recording().sizeBytes()).isEqualTo(file.length);
        try (InputStream stored = app.harmony().catalog().openRecording(actor, uploaded.id(), 0, -1).content()) {
            assertThat(stored.readAllBytes()).isEqualTo(file);
        }
    }

    @Test
    @Order(11)
    void theListFiltersAndSearches() {
        browser.get("http://127.0.0.1:" + app.port() + "/ui/index.html#/meetings");
        wait.until(d -> d.findElements(By.cssSelector("#meetings-rows tr.row")).size() >= 3);
        browser.findElement(By.id("meetings-search")).sendKeys("budget");
        wait.ignoring(org.openqa.selenium.StaleElementReferenceException.class).until(d -> {
            var rows = d.findElements(By.cssSelector("#meetings-rows tr.row"));
            return rows.size() == 1 && rows.get(0).getText().startsWith("Chat with Dana Reyes");
        });
        browser.findElement(By.id("meetings-search")).sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.BACK_SPACE);
        new Select(browser.findElement(By.id("filter-medium"))).selectByVisibleText("Call");
        wait.ignoring(org.openqa.selenium.StaleElementReferenceException.class).until(d -> {
            var rows = d.findElements(By.cssSelector("#meetings-rows tr.row"));
            return !rows.isEmpty() && rows.stream().allMatch(r -> r.getText().contains("Call"));
        });
        new Select(browser.findElement(By.id("filter-status"))).selectByVisibleText("Failed");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("meetings-rows"), "No meetings yet"));
    }
}
