package io.xxgk.it.console;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import io.xxgk.contract.config.RequiredSettingsCheck;
import io.xxgk.it.RunningPipeline;
import io.xxgk.stack.Pipeline;
import io.xxgk.stack.Ports;
import io.xxgk.stack.ServerProcess;
import io.xxgk.stack.StackPaths;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The packaged console next to {@link RunningPipeline} and one headless Debian Chromium driven by Playwright, for the
 * sign-off browser tests. Stand-in until the shared {@code ConsoleBrowser} fixture (branch wt-console) is merged:
 * then these tests take their console and browser from it.
 */
final class SignOffConsole {

    /** A school no other IT uses: its sign-off mode is changed here. */
    static final String SCHOOL = "xykj";
    static final String ADMIN_PASSWORD = "It-Admin-" + UUID.randomUUID();
    static final Path SCREENSHOTS = Paths.get("target", "screenshots");

    private static SignOffConsole instance;

    final RunningPipeline pipeline;
    final String url;
    private final ServerProcess console;
    private final Playwright playwright;
    private final Browser browser;

    private SignOffConsole(RunningPipeline pipeline, String url, ServerProcess console, Playwright playwright, Browser browser) {
        this.pipeline = pipeline;
        this.url = url;
        this.console = console;
        this.playwright = playwright;
        this.browser = browser;
    }

    static synchronized SignOffConsole get() throws Exception {
        if (instance == null) {
            RunningPipeline p = RunningPipeline.get();
            int port = Ports.free();
            Map<String, String> config = new LinkedHashMap<>(p.stack.serviceConfig("console"));
            config.put("quarkus.http.port", Integer.toString(port));
            config.put("quarkus.http.host", Ports.HOST);
            config.put("quarkus.http.auth.session.encryption-key", "it-session-" + UUID.randomUUID());
            config.put("xxgk.console.ingest-url", p.url(Pipeline.Service.INGEST));
            config.put("xxgk.console.classify-url", p.url(Pipeline.Service.CLASSIFY));
            config.put("xxgk.console.publish-url", p.url(Pipeline.Service.PUBLISH));
            config.put("xxgk.console.service-password", RunningPipeline.CONSOLE_PASSWORD);
            config.put("xxgk.console.ingest-admin-token", RunningPipeline.ADMIN);
            config.put("xxgk.console.bootstrap-admin-password", ADMIN_PASSWORD);
            config.put("xxgk.console.bootstrap-school", SCHOOL);
            // plain HTTP on 127.0.0.1 in the test: prod's Secure cookies would not be sent back
            config.put("xxgk.console.secure-cookies", "false");
            config.put("quarkus.rest-csrf.cookie-force-secure", "false");
            Map<String, String> env = new LinkedHashMap<>();
            config.forEach((k, v) -> env.put(RequiredSettingsCheck.environmentName(k), v));
            StackPaths paths = StackPaths.fromBuild();
            Path logs = Files.createDirectories(Paths.get("target", "console-it-logs"));
            ServerProcess console = ServerProcess.start("console-signoff",
                    ServerProcess.javaCommand(List.of("-Xms64m", "-Xmx256m", "-XX:+UseSerialGC"), null, "-jar",
                            List.of(paths.serviceJar("console").toString())),
                    env, paths.projectRoot(), logs.resolve("console.log"));
            String url = "http://" + Ports.HOST + ":" + port;
            awaitReady(url, console);
            Playwright pw = Playwright.create(new Playwright.CreateOptions()
                    .setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
            Browser browser = pw.chromium().launch(new BrowserType.LaunchOptions()
                    .setExecutablePath(Paths.get("/usr/bin/chromium")).setHeadless(true).setArgs(List.of("--no-sandbox")));
            SignOffConsole c = new SignOffConsole(p, url, console, pw, browser);
            Runtime.getRuntime().addShutdownHook(new Thread(c::close));
            Files.createDirectories(SCREENSHOTS);
            instance = c;
        }
        return instance;
    }

    private static void awaitReady(String url, ServerProcess p) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        while (System.nanoTime() < deadline) {
            if (!p.isAlive()) {
                throw new IllegalStateException("console exited (code " + p.exitCode() + "); see " + p.logFile());
            }
            try {
                HttpResponse<String> r = RunningPipeline.HTTP.send(HttpRequest.newBuilder(URI.create(url + "/q/health/ready"))
                        .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() == 200) {
                    return;
                }
            } catch (java.io.IOException e) {
                // not listening yet
            }
            Thread.sleep(250);
        }
        throw new IllegalStateException("console not ready within 120 s; see " + p.logFile());
    }

    /** A fresh browser session (its own cookies) at this width, signed in. */
    Page signIn(String username, String password, int width) {
        BrowserContext context = browser.newContext(new Browser.NewContextOptions().setViewportSize(width, 900).setLocale("zh-CN"));
        Page page = context.newPage();
        page.navigate(url + "/login");
        page.getByLabel("用户名").fill(username);
        page.getByLabel("密码").fill(password);
        page.locator("form[action='/j_security_check'] button[type=submit]").click();
        page.waitForURL(url + "/");
        return page;
    }

    Page signInAsAdmin(int width) {
        return signIn("admin", ADMIN_PASSWORD, width);
    }

    void screenshot(Page page, String name) {
        page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve(name + ".png")).setFullPage(true));
    }

    private void close() {
        try {
            browser.close();
            playwright.close();
        } catch (RuntimeException ignored) {
            // the JVM is ending
        }
        console.stop(20);
    }
}
