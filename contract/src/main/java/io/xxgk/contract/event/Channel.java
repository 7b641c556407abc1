package io.xxgk.contract.event;

/** Where an item was published (公开渠道). */
public enum Channel {
    WEBSITE("学校网站"),
    WECHAT("微信公众号"),
    OA("OA办公系统"),
    CAMPUS_PAPER("校报"),
    SCREEN("电子显示屏"),
    MEETING("会议"),
    WEIBO("微博"),
    VIDEO("视频号"),
    OTHER("其他");

    private final String label;

    Channel(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
