package io.xxgk.it.console;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import io.xxgk.it.RunningPipeline;
import io.xxgk.it.browser.Chromium;
import io.xxgk.stack.DemoData;

import java.nio.file.Path;
import java.util.List;

/**
 * The shared headless Chromium ({@link Chromium}: Debian's {@code /usr/bin/chromium}; Playwright never downloads a
 * browser), driving the console of {@link RunningPipeline}. Each test opens its own {@link Session} (fresh cookies); every page it looks at
 * can be saved as {@code target/screenshots/<test>-<page>.png}.
 */
public final class ConsoleBrowser {

    static final Path SCREENSHOTS = Chromium.SCREENSHOTS;

    private static ConsoleBrowser instance;

    private final String baseUrl;

    private ConsoleBrowser(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    /** The browser, and the console it drives (started on first use). */
    public static synchronized ConsoleBrowser get() {
        if (instance == null) {
            Chromium.get();
            instance = new ConsoleBrowser(RunningPipeline.get().console());
        }
        return instance;
    }

    public String baseUrl() {
        return baseUrl;
    }

    /** A new window with its own cookies, {@code width} px wide (1280 desktop, 390 phone). */
    public Session open(String test, int width) {
        BrowserContext context = Chromium.get().newContext(baseUrl, width, true);
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
            return Chromium.screenshot(page, test + "-" + name);
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
