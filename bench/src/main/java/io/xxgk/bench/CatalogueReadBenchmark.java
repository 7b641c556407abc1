package io.xxgk.bench;

import io.xxgk.stack.LocalStack;
import io.xxgk.stack.Pipeline;
import io.xxgk.stack.StackPaths;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * bench/reads.sh: reads per second and p50/p95/p99 of publish-service's catalogue and annual statistics, and of the
 * public site's HTML pages beside their JSON endpoints, for one school with 100,000 items (BENCH_READ_ITEMS), against
 * GET /api/v1/schools (no database work) as the baseline measured in the same run. The items are written straight into publish's tables (the write path is measured by
 * bench/run.sh); every read goes through HTTP.
 */
public final class CatalogueReadBenchmark {

    static final String SCHOOL = "zzsz";
    static final String[] KINDS = {"OFFICIAL_DOCUMENT", "TEACHING", "RESEARCH", "ENROLLMENT_PLAN", "EMPLOYMENT", "RECRUITMENT",
            "PROCUREMENT_NOTICE", "NEWS", "NEWS", "NEWS", "NEWS", "NEWS", "OTHER"};
    static final String[] DEPARTMENTS = {"党政办公室", "教务处", "招生就业处", "财务处", "采购与招标管理处", "人事处", "学生工作处", "宣传部"};

    public static void main(String[] args) throws Exception {
        int items = Integer.parseInt(System.getenv().getOrDefault("BENCH_READ_ITEMS", "100000"));
        int seconds = Integer.parseInt(System.getenv().getOrDefault("BENCH_READ_SECONDS", "15"));
        int threads = Integer.parseInt(System.getenv().getOrDefault("BENCH_READ_THREADS", "8"));
        Path dir = Files.createTempDirectory(Path.of(".bench").toAbsolutePath(), "reads-");
        StackPaths paths = StackPaths.fromBuild();
        LocalStack stack = new LocalStack(LocalStack.Settings.ephemeral(dir), paths);
        Pipeline pipeline = new Pipeline(stack, paths, dir.resolve("logs"), Pipeline.ServicePorts.ephemeral(), Map.of());
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            pipeline.close();
            stack.close();
            deleteQuietly(dir);
        }));
        stack.start();
        pipeline.restartService(Pipeline.Service.PUBLISH, Duration.ofMinutes(3));
        String publish = pipeline.url(Pipeline.Service.PUBLISH);

        long t0 = System.nanoTime();
        load(stack, items);
        System.out.printf("loaded %,d items of %s into publish's tables in %.1f s%n", items, SCHOOL, (System.nanoTime() - t0) / 1e9);
        // the rows went in past the service, so its maintained statistics counts (V13) do not hold them: restart it
        // with its counts marked stale, as after an upgrade, and wait for the recount from the entries
        pipeline.stop(Pipeline.Service.PUBLISH);
        long t1 = System.nanoTime();
        recountOnRestart(stack, pipeline);
        System.out.printf("publish restarted and recounted its statistics counts in %.1f s%n", (System.nanoTime() - t1) / 1e9);

        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        String site = publish + "/schools/" + SCHOOL;
        String oneItem = publishedItem(stack);
        String[][] cases = {
                {"baseline: GET /api/v1/schools (no database)", publish + "/api/v1/schools"},
                {"catalogue 信息公开目录 (all years)", publish + "/api/v1/schools/" + SCHOOL + "/catalogue"},
                {"catalogue, school year 2025", publish + "/api/v1/schools/" + SCHOOL + "/catalogue?year=2025"},
                {"statistics 年度统计, school year 2025", publish + "/api/v1/schools/" + SCHOOL + "/statistics?year=2025"},
                {"items list, newest 20", publish + "/api/v1/schools/" + SCHOOL + "/items?limit=20"},
                {"keyword search q=采购", publish + "/api/v1/schools/" + SCHOOL + "/items?q=%E9%87%87%E8%B4%AD&limit=20"},
                {"JSON item detail", publish + "/api/v1/schools/" + SCHOOL + "/items/" + oneItem},
                // the public site's HTML pages (信息公开网), beside the JSON endpoints above
                {"page: home (guide, latest 10)", site},
                {"page: 信息公开目录", site + "/catalogue"},
                {"page: 清单", site + "/checklist"},
                {"page: item", site + "/items/" + oneItem},
                {"page: search q=采购", site + "/search?q=%E9%87%87%E8%B4%AD"},
                {"JSON province overview 湖南省, 2025", publish + "/api/v1/province/overview?province=%E6%B9%96%E5%8D%97%E7%9C%81&year=2025"},
                {"page: province 湖南省, 2025", publish + "/provinces/%E6%B9%96%E5%8D%97%E7%9C%81?year=2025"},
                {"page: 依申请公开指南", site + "/apply"},
                {"page: 办理进度查询 (empty)", site + "/apply/status"},
                {"province overview, five schools, 2025", publish + "/api/v1/province/overview?year=2025"},
        };
        System.out.printf("%n%d client threads, %d s per case, %,d items in the school%n", threads, seconds, items);
        System.out.printf("%-42s %12s %10s %10s %10s %10s%n", "case", "reads/s", "p50 ms", "p95 ms", "p99 ms", "vs base");
        double baseline = 0;
        for (String[] c : cases) {
            Result r = measure(http, c[1], threads, Duration.ofSeconds(seconds));
            if (baseline == 0) {
                baseline = r.perSecond;
            }
            System.out.printf("%-42s %12.0f %10.1f %10.1f %10.1f %9.2fx%n", c[0], r.perSecond, r.p50, r.p95, r.p99, r.perSecond / baseline);
        }
        System.exit(0);
    }

    record Result(double perSecond, double p50, double p95, double p99) {
    }

    /** {@code threads} clients reading {@code url} in a closed loop for {@code duration}; percentiles in ms from microseconds. */
    static Result measure(HttpClient http, String url, int threads, Duration duration) throws Exception {
        // warm up
        for (int i = 0; i < 20; i++) {
            get(http, url);
        }
        LatencyRecorder micros = new LatencyRecorder();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        long end = System.nanoTime() + duration.toNanos();
        List<Future<?>> futures = new ArrayList<>();
        long start = System.nanoTime();
        for (int t = 0; t < threads; t++) {
            futures.add(pool.submit(() -> {
                while (System.nanoTime() < end) {
                    long s = System.nanoTime();
                    get(http, url);
                    micros.record((System.nanoTime() - s) / 1000);
                }
                return null;
            }));
        }
        for (Future<?> f : futures) {
            f.get();
        }
        double elapsed = (System.nanoTime() - start) / 1e9;
        pool.shutdown();
        return new Result(micros.count() / elapsed, micros.percentile(0.50) / 1e3, micros.percentile(0.95) / 1e3,
                micros.percentile(0.99) / 1e3);
    }

    static void get(HttpClient http, String url) throws IOException, InterruptedException {
        HttpResponse<byte[]> r = http.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofByteArray());
        if (r.statusCode() != 200) {
            throw new IllegalStateException(url + " → " + r.statusCode());
        }
    }

    /** 100,000 items over five years, about a third of them on a checklist item, as a big school's register might be. */
    static void load(LocalStack stack, int items) throws Exception {
        Random random = new Random(42);
        try (Connection c = DriverManager.getConnection(stack.postgres().jdbcUrl("publish"), "publish", "publish")) {
            c.setAutoCommit(false);
            try (PreparedStatement ps = c.prepareStatement("""
                    insert into catalogue_entry (school_code, item_id, revision, status, checklist_item, category, confidence,
                      department, title, body, kind, produced_date, published_date, channels, source_url, withhold_reason,
                      attachments, updated_at)
                    values (?, ?, 1, ?, ?, ?, 0.9, ?, ?, ?, ?, ?, ?, ?, null, null, null, now())""")) {
                LocalDate first = LocalDate.of(2020, 9, 1);
                for (int i = 0; i < items; i++) {
                    String kind = KINDS[random.nextInt(KINDS.length)];
                    Integer item = kind.equals("NEWS") || random.nextInt(3) > 0 ? null : 1 + random.nextInt(50);
                    LocalDate produced = first.plusDays(random.nextInt(5 * 365));
                    ps.setString(1, SCHOOL);
                    ps.setString(2, "r-" + i);
                    ps.setString(3, random.nextInt(50) == 0 ? "HELD" : "PUBLISHED");
                    ps.setObject(4, item);
                    ps.setObject(5, item == null ? null : categoryOf(item));
                    ps.setString(6, DEPARTMENTS[random.nextInt(DEPARTMENTS.length)]);
                    ps.setString(7, (kind.equals("PROCUREMENT_NOTICE") ? "第" + i + "批实验耗材采购项目招标公告" : "校园动态第" + i + "期：学院举办学术讲座"));
                    ps.setString(8, "正文摘要，第" + i + "条。");
                    ps.setString(9, kind);
                    ps.setObject(10, produced);
                    ps.setObject(11, produced.plusDays(random.nextInt(30)));
                    ps.setString(12, random.nextBoolean() ? "WEBSITE" : "WEBSITE,WECHAT");
                    ps.addBatch();
                    if (i % 1000 == 999) {
                        ps.executeBatch();
                    }
                }
                ps.executeBatch();
            }
            c.commit();
            c.setAutoCommit(true);
            try (Statement st = c.createStatement()) {
                st.execute("vacuum analyze catalogue_entry");
            }
        }
    }

    /** Marks the statistics counts stale, starts publish-service, and waits until it has recounted them. */
    static void recountOnRestart(LocalStack stack, Pipeline pipeline) throws Exception {
        try (Connection c = DriverManager.getConnection(stack.postgres().jdbcUrl("publish"), "publish", "publish");
             Statement st = c.createStatement()) {
            st.execute("delete from statistics_count_state");
            pipeline.restartService(Pipeline.Service.PUBLISH, Duration.ofMinutes(3));
            long deadline = System.nanoTime() + Duration.ofMinutes(10).toNanos();
            while (true) {
                try (java.sql.ResultSet rs = st.executeQuery("select count(*) from statistics_count_state")) {
                    rs.next();
                    if (rs.getLong(1) > 0) {
                        break;
                    }
                }
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("publish-service did not recount its statistics counts in 10 minutes");
                }
                Thread.sleep(200);
            }
            st.execute("vacuum analyze statistics_entry_count, statistics_channel_count, statistics_delay_count");
        }
    }

    /** The id of one published item of the school (the newest), for the item's JSON and page. */
    static String publishedItem(LocalStack stack) throws Exception {
        try (Connection c = DriverManager.getConnection(stack.postgres().jdbcUrl("publish"), "publish", "publish");
             PreparedStatement ps = c.prepareStatement("select item_id from catalogue_entry where school_code = ? and status = 'PUBLISHED'"
                     + " order by item_date desc, item_id limit 1")) {
            ps.setString(1, SCHOOL);
            try (java.sql.ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getString(1);
            }
        }
    }

    static int categoryOf(int item) {
        int[] firstOf = {1, 7, 15, 22, 27, 36, 40, 43, 47, 49};
        int category = 1;
        for (int k = 0; k < firstOf.length; k++) {
            if (item >= firstOf[k]) {
                category = k + 1;
            }
        }
        return category;
    }

    static void deleteQuietly(Path dir) {
        try (var files = Files.walk(dir)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // benchmark scratch folder
        }
    }
}
