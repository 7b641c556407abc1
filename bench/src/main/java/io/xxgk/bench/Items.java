package io.xxgk.bench;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.xxgk.contract.school.School;
import io.xxgk.contract.school.StatisticsPeriod;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * The load: procurement notices (采购招标公告) that the classifier's certain rule puts in checklist item 18 (物资设备采购和
 * 重大基建工程的招投标) and publishes at once: no personal data, no department hint, not withheld. Dates are spread
 * over the school's last complete statistics period.
 */
final class Items {

    static final int CHECKLIST_ITEM = 18;
    static final String DEPARTMENT = "国有资产与实验室管理处";
    static final String KIND = "PROCUREMENT_NOTICE";
    static final String KIND_LABEL = "采购招标公告";
    static final List<String> SUBJECTS = List.of("实验耗材", "教学仪器设备", "图书资料", "实训室改造工程", "办公家具", "化学试剂");
    static final String BODY = "本项目采用公开招标方式，欢迎符合资格条件的供应商参加投标。招标文件请在学校采购与招标管理平台下载。";

    private final String school;
    private final String idPrefix;
    private final LocalDate start;
    private final int days;
    private final LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));

    Items(School school, String idPrefix) {
        this.school = school.code();
        this.idPrefix = idPrefix;
        StatisticsPeriod p = school.statisticsPeriod();
        int year = p.yearOf(today) - 1; // the last complete period: every date in it is in the past
        this.start = p.start(year);
        this.days = (int) ChronoUnit.DAYS.between(start, p.end(year)) + 1;
    }

    String school() {
        return school;
    }

    String id(int n) {
        return idPrefix + "-" + n;
    }

    static String title(int n) {
        return "第" + (n + 1) + "批" + SUBJECTS.get(n % SUBJECTS.size()) + "采购项目招标公告";
    }

    LocalDate produced(int n) {
        return start.plusDays(n % days);
    }

    LocalDate published(int n) {
        LocalDate d = produced(n).plusDays(1 + n % 3);
        return d.isAfter(today) ? today : d;
    }

    ObjectNode json(int n) {
        ObjectNode o = Api.JSON.createObjectNode();
        o.put("id", id(n)).put("schoolCode", school).put("department", DEPARTMENT).put("title", title(n)).put("body", BODY)
                .put("kind", KIND).put("producedDate", produced(n).toString()).put("publishedDate", published(n).toString());
        o.putArray("channels").add("WEBSITE").add("WECHAT");
        return o;
    }

    String batch(int from, int to) {
        ArrayNode a = Api.JSON.createArrayNode();
        for (int n = from; n < to; n++) {
            a.add(json(n));
        }
        return a.toString();
    }

    /** A register as a disclosure office keeps it: Chinese headers, Chinese dates and labels, UTF-8 CSV. */
    byte[] csv(int rows) {
        StringBuilder sb = new StringBuilder(rows * 160);
        sb.append("编号,标题,发布部门,正文,类别,信息生成日期,发布日期,公开渠道\r\n");
        for (int n = 0; n < rows; n++) {
            LocalDate p = produced(n);
            LocalDate q = published(n);
            sb.append(id(n)).append(',').append(title(n)).append(',').append(DEPARTMENT).append(',')
                    .append(csvField(BODY)).append(',').append(KIND_LABEL).append(',')
                    .append(p.getYear()).append('年').append(p.getMonthValue()).append('月').append(p.getDayOfMonth()).append("日,")
                    .append(q.getYear()).append('年').append(q.getMonthValue()).append('月').append(q.getDayOfMonth()).append("日,")
                    .append("学校网站、微信公众号").append("\r\n");
        }
        return sb.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static String csvField(String s) {
        return s.contains(",") || s.contains("\"") || s.contains("\n") ? "\"" + s.replace("\"", "\"\"") + "\"" : s;
    }
}
