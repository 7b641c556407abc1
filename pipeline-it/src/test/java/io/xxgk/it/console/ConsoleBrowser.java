package io.xxgk.it.console;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import io.xxgk.it.RunningPipeline;
import io.xxgk.stack.DemoData;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * One headless Chromium per JVM (Debian's {@code /usr/bin/chromium}; Playwright never downloads a browser), driving the
 * console of {@link RunningPipeline}. Each test opens its own {@link Session} (fresh cookies); every page it looks at
 * can be saved as {@code target/screenshots/<test>-<page>.png}.
 */
public final class ConsoleBrowser {

    static final Path CHROMIUM = Path.of(System.getenv().getOrDefault("XXGK_CHROMIUM", "/usr/bin/chromium"));
    static final Path SCREENSHOTS = Path.of("target/screenshots");

    private static ConsoleBrowser instance;

    private final Playwright playwright;
    private final Browser browser;
    private final String baseUrl;

    private ConsoleBrowser(String baseUrl) {
        if (!Files.isExecutable(CHROMIUM)) {
            throw new IllegalStateException(CHROMIUM + " is missing: apt-get install -y chromium (.ci/run does)");
        }
        this.baseUrl = baseUrl;
        this.playwright = Playwright.create(new Playwright.CreateOptions()
                .setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
        this.browser = playwright.chromium().launch(new BrowserType.LaunchOptions()
                .setExecutablePath(CHROMIUM).setHeadless(true).setArgs(List.of("--no-sandbox", "--disable-dev-shm-usage")));
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            browser.close();
            playwright.close();
        }, "console-browser-stop"));
    }

    /** The browser, and the console it drives (started on first use). */
    public static synchronized ConsoleBrowser get() {
        if (instance == null) {
            System.setProperty("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1");
            instance = new ConsoleBrowser(RunningPipeline.get().console());
        }
        return instance;
    }

    public String baseUrl() {
        return baseUrl;
    }

    /** A new window with its own cookies, {@code width} px wide (1280 desktop, 390 phone). */
    public Session open(String test, int width) {
        BrowserContext context = browser.newContext(new Browser.NewContextOptions()
                .setViewportSize(width, width < 600 ? 844 : 900).setLocale("zh-CN").setBaseURL(baseUrl));
        return new Session(test, context, context.newPage());
    }

    public Session open(String test) {
        return open(test, 1280);
    }

    /** One person's window. */
    public static final class Session implements AutoCloseable {
        private final String test;
        private final BrowserContext context;
        public final Page page;

        Session(String test, BrowserContext context, Page page) {
            this.test = test;
            this.context = context;
            this.page = page;
        }

        /** Opens the login page, types the name and password and presses the button, as a person would. */
        public Session signIn(String username, String password) {
            page.navigate("/login");
            page.getByLabel("用户名").fill(username);
            page.getByLabel("密码").fill(password);
            page.getByRole(com.microsoft.playwright.options.AriaRole.BUTTON,
                    new Page.GetByRoleOptions().setName("登录")).click();
            page.waitForLoadState();
            return this;
        }

        public Session signIn(DemoData.ConsoleAccount account) {
            return signIn(account.username(), account.password());
        }

        /** {@code target/screenshots/<test>-<name>.png}, the whole page. */
        public Path screenshot(String name) {
            Path file = SCREENSHOTS.resolve(test + "-" + name + ".png");
            page.screenshot(new Page.ScreenshotOptions().setPath(file).setFullPage(true));
            return file;
        }

        /** The link texts of the main navigation, as shown. */
        public List<String> navigation() {
            return page.locator("header nav a").allInnerTexts().stream().map(t -> t.replaceAll("\\s+", " ").trim()).toList();
        }

        @Override
        public void close() {
            context.close();
        }
    }
}
