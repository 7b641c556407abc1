package io.xxgk.contract.event;

import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/** Where an item was published (公开渠道), as the seed reports count them. */
public enum Channel {
    WEBSITE("学校网站", "网站", "门户网站", "信息公开网", "信息公开专栏"),
    WECHAT("微信公众号", "微信", "公众号"),
    OA("OA办公系统", "OA", "办公系统", "办公自动化"),
    CAMPUS_PAPER("校报", "校刊"),
    SCREEN("电子显示屏", "显示屏", "电子屏", "LED屏"),
    MEETING("会议", "会议通报", "教代会"),
    WEIBO("微博"),
    VIDEO("视频号"),
    SMS("短信", "手机短信"),
    SHORT_VIDEO("抖音等短视频平台", "抖音", "快手", "短视频", "B站"),
    BROADCAST("校园广播", "广播"),
    NOTICE_BOARD("宣传栏（公示栏）", "宣传栏", "公示栏", "公告栏", "橱窗", "公开栏"),
    BRIEFING("简报", "工作简报", "信息简报"),
    IM_GROUP("QQ群及企业微信群", "QQ群", "企业微信", "工作群", "QQ"),
    OTHER("其他");

    private final String label;
    private final List<String> aliases;

    Channel(String label, String... aliases) {
        this.label = label;
        this.aliases = List.of(aliases);
    }

    public String label() {
        return label;
    }

    /**
     * The channel a person's wording names: the enum name, the label or an alias, or else the longest alias the text
     * contains (so 企业微信群 is a group, not the WeChat account).
     */
    public static Optional<Channel> fromText(String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        String s = text.strip();
        for (Channel c : values()) {
            if (c.name().equalsIgnoreCase(s) || c.label.equals(s) || c.aliases.stream().anyMatch(a -> a.equalsIgnoreCase(s))) {
                return Optional.of(c);
            }
        }
        String lower = s.toLowerCase(Locale.ROOT);
        return Arrays.stream(values())
                .flatMap(c -> Stream.concat(Stream.of(c.label), c.aliases.stream()).map(a -> Map.entry(a, c)))
                .filter(e -> lower.contains(e.getKey().toLowerCase(Locale.ROOT)))
                .max(Comparator.comparingInt(e -> e.getKey().length()))
                .map(Map.Entry::getValue);
    }
}
