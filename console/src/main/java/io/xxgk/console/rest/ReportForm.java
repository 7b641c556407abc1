package io.xxgk.console.rest;

import jakarta.ws.rs.FormParam;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The annual report's form on {@code /report/{year}}: the prose blanks and the year-end figures, named as publish
 * names them ({@code prose.overview}, {@code figures.wechatFollowers}), so that publish's field errors land next to
 * their fields.
 */
public class ReportForm {

    @FormParam("prose.overview") public String overview;
    @FormParam("prose.otherChannels") public String otherChannels;
    @FormParam("prose.missingReasons") public String missingReasons;
    @FormParam("prose.keyAreas") public String keyAreas;
    @FormParam("prose.confidentialityReview") public String confidentialityReview;
    @FormParam("prose.evaluation") public String evaluation;
    @FormParam("prose.appealsHandling") public String appealsHandling;
    @FormParam("prose.newPractices") public String newPractices;
    @FormParam("prose.experience") public String experience;
    @FormParam("prose.problems") public String problems;
    @FormParam("prose.improvements") public String improvements;
    @FormParam("prose.otherMatters") public String otherMatters;
    @FormParam("prose.officeContact") public String officeContact;

    @FormParam("figures.wechatPosts") public String wechatPosts;
    @FormParam("figures.wechatFollowers") public String wechatFollowers;
    @FormParam("figures.wechatReads") public String wechatReads;
    @FormParam("figures.weiboPosts") public String weiboPosts;
    @FormParam("figures.weiboFollowers") public String weiboFollowers;
    @FormParam("figures.videoPosts") public String videoPosts;
    @FormParam("figures.meetingsHeld") public String meetingsHeld;
    @FormParam("figures.mediaReports") public String mediaReports;
    @FormParam("figures.nationalMediaReports") public String nationalMediaReports;
    @FormParam("figures.trainingSessions") public String trainingSessions;
    @FormParam("figures.trainingParticipants") public String trainingParticipants;
    @FormParam("figures.surveyRespondents") public String surveyRespondents;
    @FormParam("figures.satisfactionPercent") public String satisfactionPercent;

    /** Field name → value, for what the form sent (a prose field left out of the page is not sent, and not cleared). */
    public Map<String, String> values() {
        Map<String, String> v = new LinkedHashMap<>();
        put(v, "prose.overview", overview);
        put(v, "prose.otherChannels", otherChannels);
        put(v, "prose.missingReasons", missingReasons);
        put(v, "prose.keyAreas", keyAreas);
        put(v, "prose.confidentialityReview", confidentialityReview);
        put(v, "prose.evaluation", evaluation);
        put(v, "prose.appealsHandling", appealsHandling);
        put(v, "prose.newPractices", newPractices);
        put(v, "prose.experience", experience);
        put(v, "prose.problems", problems);
        put(v, "prose.improvements", improvements);
        put(v, "prose.otherMatters", otherMatters);
        put(v, "prose.officeContact", officeContact);
        put(v, "figures.wechatPosts", wechatPosts);
        put(v, "figures.wechatFollowers", wechatFollowers);
        put(v, "figures.wechatReads", wechatReads);
        put(v, "figures.weiboPosts", weiboPosts);
        put(v, "figures.weiboFollowers", weiboFollowers);
        put(v, "figures.videoPosts", videoPosts);
        put(v, "figures.meetingsHeld", meetingsHeld);
        put(v, "figures.mediaReports", mediaReports);
        put(v, "figures.nationalMediaReports", nationalMediaReports);
        put(v, "figures.trainingSessions", trainingSessions);
        put(v, "figures.trainingParticipants", trainingParticipants);
        put(v, "figures.surveyRespondents", surveyRespondents);
        put(v, "figures.satisfactionPercent", satisfactionPercent);
        return v;
    }

    private static void put(Map<String, String> v, String name, String value) {
        if (value != null) {
            v.put(name, value);
        }
    }
}
