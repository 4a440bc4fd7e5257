package se.vagvisaren.progress;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.util.FileSystemUtils;
import se.vagvisaren.admin.WorkspaceSettings;
import se.vagvisaren.testing.ConversationHarness;
import se.vagvisaren.testing.MutableClock;
import se.vagvisaren.testing.TeamsActivity;

/**
 * The {@code /overview} page in a real headless browser: Debian's {@code chromium} driven by its
 * {@code chromedriver} through Selenium. Nothing is downloaded; without {@code /usr/bin/chromium} the
 * test is skipped with a message ({@code apt-get install -y chromium chromium-driver}).
 */
@ProgressBotTest
class OverviewBrowserTest {

    /** Overridable with -Dvagvisaren.test.chromium / -Dvagvisaren.test.chromedriver. */
    private static final Path CHROMIUM = Path.of(System.getProperty("vagvisaren.test.chromium", "/usr/bin/chromium"));
    private static final Path CHROMEDRIVER = Path.of(System.getProperty("vagvisaren.test.chromedriver", "/usr/bin/chromedriver"));
    private static final String ATTACK = "<script>window.__xss=1</script> [x](javascript:alert(1))";

    private static ChromeDriver browser;
    private static Path profile;

    @LocalServerPort
    int port;
    @Autowired
    MutableClock clock;
    @Autowired
    OverviewLinks links;
    @Autowired
    WorkspaceSettings settings;

    private static final String MISSING_BROWSER = "Skipped: Debian's chromium and chromium-driver are not installed at "
            + CHROMIUM + " and " + CHROMEDRIVER + " (apt-get install -y chromium chromium-driver); no browser is ever downloaded";

    @BeforeAll
    static void startBrowser() throws IOException {
        if (!Files.isExecutable(CHROMIUM) || !Files.isExecutable(CHROMEDRIVER)) {
            return; // each test reports the skip with MISSING_BROWSER, so it shows in the test report
        }
        profile = Files.createTempDirectory("vagvisaren-chromium-");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--window-size=1200,2000", "--user-data-dir=" + profile);
        // the driver is given explicitly, so Selenium Manager never looks for (or downloads) one
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build();
        browser = new ChromeDriver(service, options);
        browser.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
    }

    @AfterAll
    static void stopBrowser() {
        if (browser != null) {
            browser.quit();
        }
        if (profile != null) {
            FileSystemUtils.deleteRecursively(profile.toFile());
        }
    }

    String team;
    /** A configured name with markup in it, unique per test since the context (and database) is shared. */
    String municipality;

    @BeforeEach
    void seed() {
        Assumptions.assumeTrue(browser != null, MISSING_BROWSER);
        clock.set(Instant.parse("2026-11-25T09:00:00Z"));
        team = "19:team-browser-" + UUID.randomUUID() + "@thread.tacv2";
        municipality = "Sorsele <i>kommun</i> " + team.substring(13, 19);
        settings.set(team, MunicipalityNames.SETTING, municipality);
        ConversationHarness harness = new ConversationHarness(port);
        harness.send(ProgressConversationTest.inTeam(TeamsActivity.fixture("card-submit").value(ProgressConversationTest.json(
                "{\"verb\":\"progress.record\",\"steps\":\"2\",\"link\":\"https://sorsele.example.se/lagesbild\",\"text\":"
                        + new com.fasterxml.jackson.databind.ObjectMapper().valueToTree(ATTACK) + "}")), team));
        harness.send(ProgressConversationTest.inTeam(TeamsActivity.channel("uppdatering: styrgruppen har fått mandat"), team));
    }

    @Test
    void overview_inChromium_isSwedishAccessibleAndShowsInjectionAsText() throws IOException {
        browser.get(url(links.token(ProgressBotTest.COUNTY_OFFICER)));
        screenshot("overview.png");

        assertThat(browser.getTitle()).isEqualTo("Översikt – våldsförebyggande arbete");
        assertThat(browser.findElement(By.tagName("html")).getAttribute("lang")).isEqualTo("sv");
        assertThat(browser.findElements(By.tagName("h1"))).singleElement()
                .satisfies(h1 -> assertThat(h1.getText()).contains("Översikt"));

        WebElement section = sectionOf(municipality);
        WebElement svg = section.findElement(By.tagName("svg"));
        assertThat(svg.getAttribute("role")).isEqualTo("img");
        String titleId = svg.getAttribute("aria-labelledby").split(" ")[0];
        assertThat(text(section.findElement(By.id(titleId))))
                .startsWith("Tidslinje för " + municipality + ": uppdateringar per steg");
        assertThat(section.findElements(By.cssSelector("svg circle[r]"))).hasSizeGreaterThanOrEqualTo(60);

        WebElement stepTable = section.findElement(By.tagName("table"));
        assertThat(stepTable.findElement(By.tagName("caption")).getText()).contains("samma uppgifter som i diagrammet");
        List<WebElement> rows = stepTable.findElements(By.cssSelector("tbody tr"));
        assertThat(rows).hasSize(5);
        assertThat(rows.get(0).getText()).contains("Initiera samverkan").contains("1").contains("Aktivt");
        assertThat(rows.get(2).getText()).contains("Inget rapporterat");

        assertThat(section.findElements(By.tagName("li"))).anySatisfy(li -> assertThat(li.getText()).contains(ATTACK));
        assertThat(browser.findElements(By.tagName("script"))).isEmpty();
        assertThat(((JavascriptExecutor) browser).executeScript("return typeof window.__xss")).isEqualTo("undefined");
        assertThat(browser.findElements(By.tagName("a")))
                .allSatisfy(a -> assertThat(a.getAttribute("href")).startsWith("https://"))
                .anySatisfy(a -> assertThat(a.getAttribute("href")).isEqualTo("https://sorsele.example.se/lagesbild"));

        WebElement summaryRow = browser.findElements(By.cssSelector("section[aria-labelledby=summary] tbody tr")).stream()
                .filter(r -> r.getText().contains(municipality)).findFirst().orElseThrow();
        assertThat(summaryRow.getText()).contains("steg 1 och 2").contains("2026-11-25");
    }

    /** Issue 20: on a 390 px phone nothing overflows sideways; wide tables scroll inside their own box. */
    @Test
    void overview_at390px_hasNoSidewaysScrollingAndTheChartScales() throws IOException {
        ConversationHarness harness = new ConversationHarness(port);
        harness.send(ProgressConversationTest.inTeam(TeamsActivity.channel("uppdatering: kartläggningen finns på "
                + "https://sorsele.example.se/dokument/lagesbild-2026-kartlaggning-av-vald-i-nara-relationer-och-hedersrelaterat-vald.pdf"
                + " steg 2"), team));
        settings.set(team, MunicipalityNames.SETTING, municipality + " Våldsförebyggandesamverkansgruppen");
        var devTools = (org.openqa.selenium.chromium.HasCdp) browser;
        devTools.executeCdpCommand("Emulation.setDeviceMetricsOverride",
                java.util.Map.of("width", 390, "height", 844, "deviceScaleFactor", 1, "mobile", true));
        try {
            browser.get(url(links.token(ProgressBotTest.COUNTY_OFFICER)));
            screenshot("overview-390.png");
            JavascriptExecutor js = (JavascriptExecutor) browser;

            assertThat(((Number) js.executeScript("return window.innerWidth")).intValue()).isEqualTo(390);
            assertThat(((Number) js.executeScript("return document.documentElement.scrollWidth")).intValue())
                    .as("page width at 390 px").isLessThanOrEqualTo(390);
            assertThat(((Number) js.executeScript("return document.body.scrollWidth")).intValue()).isLessThanOrEqualTo(390);
            for (WebElement svg : browser.findElements(By.tagName("svg"))) {
                assertThat(svg.getRect().getWidth()).as("chart width").isLessThanOrEqualTo(390);
            }
            for (WebElement table : browser.findElements(By.tagName("table"))) {
                Number right = (Number) js.executeScript(
                        "const p = arguments[0].parentElement.getBoundingClientRect(); return p.right", table);
                assertThat(right.doubleValue()).as("table box right edge").isLessThanOrEqualTo(390);
                WebElement caption = table.findElement(By.tagName("caption"));
                assertThat(caption.getRect().getX() + caption.getRect().getWidth()).as("caption stays readable").isLessThanOrEqualTo(390);
            }
        } finally {
            devTools.executeCdpCommand("Emulation.clearDeviceMetricsOverride", java.util.Map.of());
        }
    }

    @Test
    void overview_textContrast_meetsWcagAa() {
        browser.get(url(links.token(ProgressBotTest.COUNTY_OFFICER)));

        double[] background = rgb(browser.findElement(By.tagName("body")).getCssValue("background-color"));
        for (String selector : List.of("h1", "h2", "p", "caption", "td", "li", "figcaption", "a")) {
            WebElement element = browser.findElement(By.cssSelector(selector));
            double ratio = contrast(rgb(element.getCssValue("color")), background);
            assertThat(ratio).as("contrast of %s", selector).isGreaterThanOrEqualTo(4.5);
        }
        WebElement th = browser.findElement(By.cssSelector("th"));
        assertThat(contrast(rgb(th.getCssValue("color")), rgb(th.getCssValue("background-color")))).isGreaterThanOrEqualTo(4.5);
    }

    /**
     * Issue 19: the Teams tab in light, dark and high contrast, forced with {@code ?theme=} as Teams' own
     * theme only arrives inside Teams. Each theme has its own colours, every text passes 4.5:1 against
     * its background, the table box shows a visible focus ring from the keyboard, and a screenshot per
     * theme is kept in {@code target/screenshots/}.
     */
    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(strings = {"light", "dark", "contrast"})
    void tab_inEachTeamsTheme_isReadableKeyboardFocusableAndScreenshotted(String theme) throws IOException {
        browser.get("http://127.0.0.1:" + port + "/overview/tab?theme=" + theme + "&token=" + links.token(ProgressBotTest.COUNTY_OFFICER));

        assertThat(browser.findElement(By.tagName("html")).getAttribute("data-theme")).isEqualTo(theme);
        assertThat(browser.findElements(By.tagName("h1"))).hasSize(1);
        assertThat(sectionOf(municipality).findElement(By.tagName("table")).getText()).contains("Initiera samverkan");
        double[] background = rgb(browser.findElement(By.tagName("body")).getCssValue("background-color"));
        double expectedLuminance = switch (theme) {
            case "light" -> 1.0;
            case "dark" -> luminance(new double[] {0x1f, 0x1f, 0x1f});
            default -> 0.0;
        };
        assertThat(luminance(background)).as("background of the %s theme", theme).isCloseTo(expectedLuminance, org.assertj.core.data.Offset.offset(0.001));
        for (String selector : List.of("h1", "h2", "h3", "p", "caption", "td", "li", "figcaption", "a", "footer p")) {
            WebElement element = browser.findElement(By.cssSelector(selector));
            assertThat(contrast(rgb(element.getCssValue("color")), background))
                    .as("contrast of %s in the %s theme", selector, theme).isGreaterThanOrEqualTo(4.5);
        }
        WebElement th = browser.findElement(By.cssSelector("th"));
        assertThat(contrast(rgb(th.getCssValue("color")), rgb(th.getCssValue("background-color"))))
                .as("table header contrast in the %s theme", theme).isGreaterThanOrEqualTo(4.5);
        WebElement dot = browser.findElement(By.cssSelector("svg circle:not([r=\"2\"])"));
        assertThat(contrast(rgb(dot.getCssValue("fill")), background)).as("chart dots in the %s theme", theme)
                .isGreaterThanOrEqualTo(3.0); // WCAG 1.4.11: graphics need 3:1

        // keyboard: the first Tab stop is a table box (no link comes before it), and its focus ring is visible
        browser.findElement(By.tagName("body")).sendKeys(org.openqa.selenium.Keys.TAB);
        WebElement focused = browser.switchTo().activeElement();
        assertThat(focused.getAttribute("class")).isEqualTo("table-scroll");
        assertThat(focused.getCssValue("outline-style")).isEqualTo("solid");
        assertThat(contrast(rgb(focused.getCssValue("outline-color")), background)).as("focus ring in the %s theme", theme)
                .isGreaterThanOrEqualTo(3.0);

        Path shot = Path.of("target", "screenshots", "overview-" + theme + ".png");
        Files.createDirectories(shot.getParent());
        Files.copy(((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE).toPath(), shot, StandardCopyOption.REPLACE_EXISTING);
        assertThat(Files.size(shot)).isGreaterThan(1000);
    }

    /** Outside Teams (and when the Teams library is missing) the tab page still shows the overview in ?theme=. */
    @Test
    void tab_outsideTeams_keepsTheQueryThemeWithoutScriptErrors() {
        browser.get("http://127.0.0.1:" + port + "/overview/tab?theme=dark&token=" + links.token(ProgressBotTest.COUNTY_OFFICER));
        JavascriptExecutor js = (JavascriptExecutor) browser;
        assertThat(js.executeScript("return document.readyState")).isEqualTo("complete");
        assertThat(browser.findElement(By.tagName("html")).getAttribute("data-theme")).isEqualTo("dark");
        assertThat(browser.findElements(By.cssSelector("script[src]"))).extracting(e -> e.getAttribute("src"))
                .anySatisfy(src -> assertThat(src).endsWith("/teams-js/MicrosoftTeams.min.js"))
                .anySatisfy(src -> assertThat(src).endsWith("/overview/tab.js"));
        assertThat(sectionOf(municipality).findElements(By.cssSelector("tbody tr"))).hasSize(5);
    }

    /**
     * With the library fetched by deployment/teams/fetch-teams-js.sh, the tab page loads the real Teams
     * JavaScript library from the bot (no CDN) and, outside Teams, still keeps the ?theme= colours.
     * Skipped locally when the library was not fetched; under CI=true it must be there.
     */
    @Test
    void tab_withFetchedTeamsLibrary_loadsItFromTheBot() {
        boolean present = Files.isRegularFile(Path.of("target", "teams-js", TeamsJsResources.FILE_NAME));
        if (!"true".equals(System.getenv("CI"))) {
            Assumptions.assumeTrue(present, "Teams JavaScript library not fetched; run deployment/teams/fetch-teams-js.sh");
        }
        browser.get("http://127.0.0.1:" + port + "/overview/tab?theme=contrast&token=" + links.token(ProgressBotTest.COUNTY_OFFICER));
        JavascriptExecutor js = (JavascriptExecutor) browser;
        new org.openqa.selenium.support.ui.WebDriverWait(browser, Duration.ofSeconds(10)).withMessage(() -> "Teams library not loaded: "
                        + js.executeScript("return fetch('/teams-js/MicrosoftTeams.min.js').then(r => r.status + ' ' + r.headers.get('content-type'))"))
                .until(d -> "function".equals(js.executeScript(
                        "return typeof (window.microsoftTeams && window.microsoftTeams.app.registerOnThemeChangeHandler)")));
        assertThat(js.executeScript("return typeof window.microsoftTeams.pages.config.setConfig")).isEqualTo("function");
        assertThat(browser.findElement(By.tagName("html")).getAttribute("data-theme")).isEqualTo("contrast");
    }

    /**
     * Inside Teams: the tab page in a frame, with Teams' host side stood in for by a stub of the library's
     * {@code app} API (installed before any page script through the DevTools protocol, and kept over the
     * real library). The page takes the theme from {@code app.getContext()} over its {@code ?theme=} and
     * follows a theme change that Teams reports later.
     */
    @Test
    void tab_insideTeamsFrame_followsContextThemeAndThemeChanges() {
        var cdp = (org.openqa.selenium.chromium.HasCdp) browser;
        String stub = """
                (function () {
                  if (window.parent === window) { return; }
                  var stub = { app: {
                    initialize: function () { return Promise.resolve(); },
                    getContext: function () { return Promise.resolve({ app: { theme: 'dark' } }); },
                    registerOnThemeChangeHandler: function (h) { window.__themeHandler = h; } } };
                  Object.defineProperty(window, 'microsoftTeams', { get: function () { return stub; }, set: function () {} });
                })();""";
        Object id = cdp.executeCdpCommand("Page.addScriptToEvaluateOnNewDocument", java.util.Map.of("source", stub)).get("identifier");
        try {
            // a same-origin host page without a CSP of its own (the pages' CSP allows no frames in them)
            browser.get("http://127.0.0.1:" + port + "/overview/tab.js");
            ((JavascriptExecutor) browser).executeScript("const f = document.createElement('iframe'); f.id = 'tab';"
                    + " f.style.width = '1000px'; f.style.height = '800px'; f.src = arguments[0]; document.body.appendChild(f);",
                    "/overview/tab?theme=light&token=" + links.token(ProgressBotTest.COUNTY_OFFICER));
            var wait = new org.openqa.selenium.support.ui.WebDriverWait(browser, Duration.ofSeconds(10));
            wait.until(org.openqa.selenium.support.ui.ExpectedConditions.frameToBeAvailableAndSwitchToIt("tab"));
            wait.until(d -> "dark".equals(d.findElement(By.tagName("html")).getAttribute("data-theme")));
            assertThat(luminance(rgb(browser.findElement(By.tagName("body")).getCssValue("background-color")))).isLessThan(0.05);

            ((JavascriptExecutor) browser).executeScript("window.__themeHandler('contrast')");
            assertThat(browser.findElement(By.tagName("html")).getAttribute("data-theme")).isEqualTo("contrast");
            assertThat(browser.findElement(By.tagName("body")).getCssValue("background-color")).isIn("rgba(0, 0, 0, 1)", "rgb(0, 0, 0)");
            ((JavascriptExecutor) browser).executeScript("window.__themeHandler('default')");
            assertThat(browser.findElement(By.tagName("html")).getAttribute("data-theme")).isEqualTo("light");
        } finally {
            browser.switchTo().defaultContent();
            cdp.executeCdpCommand("Page.removeScriptToEvaluateOnNewDocument", java.util.Map.of("identifier", id));
        }
    }

    /**
     * The channel tab's configuration inside Teams (host API stubbed as above, frame context "settings"):
     * Save stays disabled for a foreign link, and for the bot's own link the tab is saved with
     * {@code contentUrl} = {@code /overview/tab?token=…} of this bot.
     */
    @Test
    void config_insideTeamsSettings_savesTheTabUrlOnlyForTheBotsOwnLink() {
        var cdp = (org.openqa.selenium.chromium.HasCdp) browser;
        String stub = """
                (function () {
                  if (window.parent === window) { return; }
                  window.__valid = []; window.__saved = null; window.__outcome = null;
                  var stub = {
                    app: { initialize: function () { return Promise.resolve(); },
                           getContext: function () { return Promise.resolve({ app: { theme: 'default' }, page: { frameContext: 'settings' } }); } },
                    pages: { config: {
                      setValidityState: function (v) { window.__valid.push(v); },
                      registerOnSaveHandler: function (h) { window.__save = h; },
                      setConfig: function (c) { window.__saved = c; return Promise.resolve(); } } } };
                  Object.defineProperty(window, 'microsoftTeams', { get: function () { return stub; }, set: function () {} });
                })();""";
        Object id = cdp.executeCdpCommand("Page.addScriptToEvaluateOnNewDocument", java.util.Map.of("source", stub)).get("identifier");
        try {
            browser.get("http://127.0.0.1:" + port + "/overview/tab.js");
            ((JavascriptExecutor) browser).executeScript("const f = document.createElement('iframe'); f.id = 'cfg';"
                    + " f.style.width = '1000px'; f.style.height = '600px'; f.src = '/overview/config'; document.body.appendChild(f);");
            var wait = new org.openqa.selenium.support.ui.WebDriverWait(browser, Duration.ofSeconds(10));
            wait.until(org.openqa.selenium.support.ui.ExpectedConditions.frameToBeAvailableAndSwitchToIt("cfg"));
            JavascriptExecutor js = (JavascriptExecutor) browser;
            wait.until(d -> js.executeScript("return typeof window.__save") .equals("function"));

            WebElement field = browser.findElement(By.id("overview-link"));
            field.sendKeys("https://evil.example.com/overview?token=abc");
            assertThat(js.executeScript("return window.__valid[window.__valid.length - 1]")).isEqualTo(false);

            field.clear();
            String token = links.token(ProgressBotTest.COUNTY_OFFICER);
            field.sendKeys("http://127.0.0.1:" + port + "/overview?token=" + token);
            assertThat(js.executeScript("return window.__valid[window.__valid.length - 1]")).isEqualTo(true);
            js.executeScript("window.__save({ notifySuccess: function () { window.__outcome = 'ok'; },"
                    + " notifyFailure: function (r) { window.__outcome = 'failed: ' + r; } })");
            wait.until(d -> "ok".equals(js.executeScript("return window.__outcome")));
            assertThat(js.executeScript("return window.__saved.contentUrl"))
                    .isEqualTo("http://127.0.0.1:" + port + "/overview/tab?token=" + java.net.URLEncoder.encode(token, java.nio.charset.StandardCharsets.UTF_8));
            assertThat(js.executeScript("return window.__saved.suggestedDisplayName")).isEqualTo("Översikt");
        } finally {
            browser.switchTo().defaultContent();
            cdp.executeCdpCommand("Page.removeScriptToEvaluateOnNewDocument", java.util.Map.of("identifier", id));
        }
    }

    /** The configuration page: a labelled field, an error for a wrong link, and outside Teams it opens the tab. */
    @Test
    void config_outsideTeams_refusesAForeignLinkAndOpensTheTabForTheRightOne() {
        browser.get("http://127.0.0.1:" + port + "/overview/config?theme=contrast");
        WebElement field = browser.findElement(By.id("overview-link"));
        assertThat(browser.findElement(By.cssSelector("label[for=overview-link]")).getText()).isEqualTo("Länk till översikten");
        field.sendKeys("https://evil.example.com/overview?token=abc");
        field.sendKeys(org.openqa.selenium.Keys.ENTER);
        assertThat(browser.findElement(By.id("overview-link-error")).isDisplayed()).isTrue();
        assertThat(browser.getCurrentUrl()).contains("/overview/config");

        field.clear();
        field.sendKeys("http://127.0.0.1:" + port + "/overview?token=" + links.token(ProgressBotTest.COUNTY_OFFICER));
        browser.findElement(By.cssSelector("button[type=submit]")).click();
        new org.openqa.selenium.support.ui.WebDriverWait(browser, Duration.ofSeconds(10))
                .until(d -> d.getCurrentUrl().contains("/overview/tab?token="));
        assertThat(sectionOf(municipality).findElement(By.tagName("h2")).getText()).isEqualTo(municipality);
    }

    @Test
    void overview_expiredLink_showsRefusalWithoutData() {
        String token = links.token(ProgressBotTest.COUNTY_OFFICER);
        clock.advance(Duration.ofDays(8));

        browser.get(url(token));

        assertThat(browser.findElement(By.tagName("main")).getText()).contains("ogiltig eller har gått ut");
        assertThat(browser.findElements(By.tagName("table"))).isEmpty();
        assertThat(browser.getPageSource()).doesNotContain("Sorsele");
    }

    private String url(String token) {
        return "http://127.0.0.1:" + port + "/overview?token=" + token;
    }

    private WebElement sectionOf(String heading) {
        return browser.findElements(By.cssSelector("main > section")).stream()
                .filter(s -> s.findElement(By.tagName("h2")).getText().equals(heading))
                .findFirst().orElseThrow(() -> new AssertionError("No section headed " + heading));
    }

    /** Text of an element, also for SVG elements whose getText() is empty in some drivers. */
    private String text(WebElement element) {
        return (String) ((JavascriptExecutor) browser).executeScript("return arguments[0].textContent", element);
    }

    private void screenshot(String name) throws IOException {
        File shot = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE);
        Path target = Path.of("target", "progress-" + name);
        Files.createDirectories(target.getParent());
        Files.copy(shot.toPath(), target, StandardCopyOption.REPLACE_EXISTING);
    }

    private static double[] rgb(String cssColour) {
        Matcher m = Pattern.compile("rgba?\\((\\d+),\\s*(\\d+),\\s*(\\d+)").matcher(cssColour);
        if (!m.find()) {
            throw new AssertionError("Not a colour: " + cssColour);
        }
        return new double[] {Double.parseDouble(m.group(1)), Double.parseDouble(m.group(2)), Double.parseDouble(m.group(3))};
    }

    /** WCAG 2.x contrast ratio of two sRGB colours. */
    private static double contrast(double[] a, double[] b) {
        double la = luminance(a);
        double lb = luminance(b);
        return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05);
    }

    private static double luminance(double[] rgb) {
        double[] c = new double[3];
        for (int i = 0; i < 3; i++) {
            double s = rgb[i] / 255;
            c[i] = s <= 0.03928 ? s / 12.92 : Math.pow((s + 0.055) / 1.055, 2.4);
        }
        return 0.2126 * c[0] + 0.7152 * c[1] + 0.0722 * c[2];
    }
}
