package io.xxgk.it.browser;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * One headless Chromium per test JVM, shared by the console's and the public site's browser tests: Debian's
 * {@code /usr/bin/chromium} (or {@code XXGK_CHROMIUM}), driven by Playwright, which never downloads a browser.
 */
public final class Chromium {

    public static final Path CHROMIUM = Path.of(System.getenv().getOrDefault("XXGK_CHROMIUM", "/usr/bin/chromium"));
    public static final Path SCREENSHOTS = Path.of("target/screenshots");

    private static Chromium instance;

    private final Playwright playwright;
    private final Browser browser;

    private Chromium() {
        if (!Files.isExecutable(CHROMIUM)) {
            throw new IllegalStateException(CHROMIUM + " is missing: apt-get install -y chromium (.ci/run does)");
        }
        this.playwright = Playwright.create(new Playwright.CreateOptions().setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
        this.browser = playwright.chromium().launch(new BrowserType.LaunchOptions()
                .setExecutablePath(CHROMIUM).setHeadless(true).setArgs(List.of("--no-sandbox", "--disable-dev-shm-usage")));
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            browser.close();
            playwright.close();
        }, "chromium-stop"));
    }

    public static synchronized Chromium get() {
        if (instance == null) {
            System.setProperty("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1");
            instance = new Chromium();
        }
        return instance;
    }

    /** A new window with its own cookies, {@code width} px wide (1280 desktop, 390 phone), Chinese locale. */
    public BrowserContext newContext(String baseUrl, int width, boolean javaScript) {
        return browser.newContext(new Browser.NewContextOptions()
                .setViewportSize(width, width < 600 ? 844 : 900).setLocale("zh-CN").setBaseURL(baseUrl)
                .setJavaScriptEnabled(javaScript).setAcceptDownloads(true));
    }

    /** {@code target/screenshots/<name>.png}, the whole page. */
    public static Path screenshot(Page page, String name) {
        Path file = SCREENSHOTS.resolve(name + ".png");
        page.screenshot(new Page.ScreenshotOptions().setPath(file).setFullPage(true));
        return file;
    }
}
