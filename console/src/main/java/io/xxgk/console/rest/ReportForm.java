package io.xxgk.console.rest;

import jakarta.ws.rs.FormParam;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The annual report's form on {@code /report/{year}}: the prose blanks, named as publish names them
 * ({@code prose.overview}), and the year-end figures of the period ({@code figures.wechatFollowers} once read), which
 * are saved through publish's year-end API; field errors land next to their fields.
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

    /**
     * The year-end figures: each input row is a hidden {@code figureKey} and its {@code figureValue}, in document
     * order, so the form lists whatever keys publish has without the console repeating them.
     */
    @FormParam("figureKey") public List<String> figureKeys;
    @FormParam("figureValue") public List<String> figureValues;

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
        if (figureKeys != null && figureValues != null) {
            for (int i = 0; i < figureKeys.size() && i < figureValues.size(); i++) {
                put(v, "figures." + figureKeys.get(i), figureValues.get(i));
            }
        }
        return v;
    }

    private static void put(Map<String, String> v, String name, String value) {
        if (value != null) {
            v.put(name, value);
        }
    }
}
