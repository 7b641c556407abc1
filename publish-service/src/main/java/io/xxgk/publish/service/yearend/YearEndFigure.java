package io.xxgk.publish.service.yearend;

import java.util.Arrays;
import java.util.Optional;

/**
 * The year-end figures the disclosure office records per period that are not catalogue items, as the seed reports
 * count them (株洲师范: 官微推文、粉丝数、总阅读量、最高单篇阅读量、视频号、校报、会议; 湖南信息: 简报; 张家界航空: 媒体报道、
 * 阳光服务平台; the four dimensions of 株洲师范's 自查). A fixed set of keys, each with one kind of value:
 * COUNT (a whole number 0 to {@link #MAX_COUNT}, may be marked approximate: "10余次"), PERCENT (0 to 100, one decimal)
 * or TEXT (at most {@link #MAX_TEXT} characters).
 */
public enum YearEndFigure {

    WECHAT_POSTS("wechatPosts", Group.NEW_MEDIA, Kind.COUNT, "微信公众号推送信息", "WeChat posts", "条"),
    WECHAT_FOLLOWERS("wechatFollowers", Group.NEW_MEDIA, Kind.COUNT, "微信公众号关注人数", "WeChat followers", "人"),
    WECHAT_READS("wechatReads", Group.NEW_MEDIA, Kind.COUNT, "微信公众号总阅读量", "WeChat reads", "人次"),
    WECHAT_TOP_ARTICLE_TITLE("wechatTopArticleTitle", Group.NEW_MEDIA, Kind.TEXT, "阅读量最高的文章", "top article", null),
    WECHAT_TOP_ARTICLE_READS("wechatTopArticleReads", Group.NEW_MEDIA, Kind.COUNT, "最高单篇阅读量", "reads of the top article", "人次"),
    VIDEO_POSTS("videoPosts", Group.NEW_MEDIA, Kind.COUNT, "视频号（抖音）发布视频", "short-video posts", "条"),
    VIDEO_FOLLOWERS("videoFollowers", Group.NEW_MEDIA, Kind.COUNT, "视频号（抖音）关注人数", "video account followers", "人"),
    VIDEO_VIEWS("videoViews", Group.NEW_MEDIA, Kind.COUNT, "视频号（抖音）总浏览量", "video views", "人次"),
    WEIBO_POSTS("weiboPosts", Group.NEW_MEDIA, Kind.COUNT, "官方微博发布信息", "Weibo posts", "条"),
    WEIBO_FOLLOWERS("weiboFollowers", Group.NEW_MEDIA, Kind.COUNT, "官方微博关注人数", "Weibo followers", "人"),

    BRIEFING_ISSUES("briefingIssues", Group.PUBLICATIONS, Kind.COUNT, "编发简报", "briefing issues", "期"),
    CAMPUS_PAPER_ISSUES("campusPaperIssues", Group.PUBLICATIONS, Kind.COUNT, "校报出版", "campus paper issues", "期"),

    PARTY_COMMITTEE_MEETINGS("partyCommitteeMeetings", Group.MEETINGS, Kind.COUNT, "党委会", "party committee meetings", "次"),
    PRESIDENT_OFFICE_MEETINGS("presidentOfficeMeetings", Group.MEETINGS, Kind.COUNT, "校长（院长）办公会、校务会", "president's office meetings", "次"),
    JOINT_MEETINGS("jointMeetings", Group.MEETINGS, Kind.COUNT, "党政联席会", "joint party and administration meetings", "次"),
    CADRE_MEETINGS("cadreMeetings", Group.MEETINGS, Kind.COUNT, "中层干部会议", "middle-level cadre meetings", "次"),
    STAFF_CONGRESS_MEETINGS("staffCongressMeetings", Group.MEETINGS, Kind.COUNT, "教职工代表大会", "staff congress sessions", "次"),
    OTHER_MEETINGS("otherMeetings", Group.MEETINGS, Kind.COUNT, "其他会议", "other meetings", "次"),

    MEDIA_REPORTS("mediaReports", Group.MEDIA, Kind.COUNT, "媒体报道", "media reports", "次"),
    NATIONAL_MEDIA_REPORTS("nationalMediaReports", Group.MEDIA, Kind.COUNT, "其中国家级媒体报道", "of which national media", "次"),
    PROVINCIAL_MEDIA_REPORTS("provincialMediaReports", Group.MEDIA, Kind.COUNT, "其中省级媒体报道", "of which provincial media", "次"),

    TRAINING_SESSIONS("trainingSessions", Group.TRAINING, Kind.COUNT, "信息公开业务培训", "training sessions", "次"),
    TRAINING_PARTICIPANTS("trainingParticipants", Group.TRAINING, Kind.COUNT, "参加培训", "training participants", "人次"),

    SUNSHINE_CASES("sunshineCases", Group.SUNSHINE_PLATFORM, Kind.COUNT, "阳光服务平台受理事项", "cases received on the 阳光服务平台", "件"),
    SUNSHINE_RESOLVED("sunshineResolved", Group.SUNSHINE_PLATFORM, Kind.COUNT, "阳光服务平台办结事项", "cases resolved", "件"),
    SUNSHINE_SATISFACTION("sunshineSatisfactionPercent", Group.SUNSHINE_PLATFORM, Kind.PERCENT, "阳光服务平台满意率", "satisfaction with the platform", "%"),

    SURVEY_RESPONDENTS("surveyRespondents", Group.SURVEY, Kind.COUNT, "满意度调查参与人数", "survey respondents", "人"),
    SURVEY_SATISFACTION("surveySatisfactionPercent", Group.SURVEY, Kind.PERCENT, "满意度调查满意率", "survey satisfaction", "%"),
    SURVEY_RESULT("surveyResult", Group.SURVEY, Kind.TEXT, "调查结果", "survey result", null),

    SELF_INSPECTION_COMPLETENESS("selfInspectionCompleteness", Group.SELF_INSPECTION, Kind.TEXT, "条目完整性", "completeness of the items", null),
    SELF_INSPECTION_AVAILABILITY("selfInspectionAvailability", Group.SELF_INSPECTION, Kind.TEXT, "内容可得性", "availability of the content", null),
    SELF_INSPECTION_TIMELINESS("selfInspectionTimeliness", Group.SELF_INSPECTION, Kind.TEXT, "更新及时性", "timeliness of updates", null),
    SELF_INSPECTION_CONVENIENCE("selfInspectionConvenience", Group.SELF_INSPECTION, Kind.TEXT, "操作便捷性", "ease of use", null);

    public static final long MAX_COUNT = 1_000_000_000_000L;
    public static final int MAX_TEXT = 2_000;

    public enum Kind { COUNT, PERCENT, TEXT }

    public enum Group {
        NEW_MEDIA("新媒体"), PUBLICATIONS("简报与校报"), MEETINGS("会议公开"), MEDIA("媒体报道"), TRAINING("信息公开培训"),
        SUNSHINE_PLATFORM("阳光服务平台"), SURVEY("满意度调查"), SELF_INSPECTION("信息公开自查");

        private final String label;

        Group(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    private final String key;
    private final Group group;
    private final Kind kind;
    private final String label;
    private final String labelEn;
    private final String unit;

    YearEndFigure(String key, Group group, Kind kind, String label, String labelEn, String unit) {
        this.key = key;
        this.group = group;
        this.kind = kind;
        this.label = label;
        this.labelEn = labelEn;
        this.unit = unit;
    }

    public String key() {
        return key;
    }

    public Group group() {
        return group;
    }

    public Kind kind() {
        return kind;
    }

    public String label() {
        return label;
    }

    public String labelEn() {
        return labelEn;
    }

    /** The unit after a count or percent (条, 人, 人次, 期, 次, 件, %); null for text. */
    public String unit() {
        return unit;
    }

    public static Optional<YearEndFigure> byKey(String key) {
        return Arrays.stream(values()).filter(f -> f.key.equals(key)).findFirst();
    }
}
