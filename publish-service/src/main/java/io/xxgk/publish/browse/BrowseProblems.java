package io.xxgk.publish.browse;

import io.xxgk.contract.api.Problem;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;

import java.util.List;
import java.util.stream.Collectors;

/** The problem+json answers of the browse endpoints. */
public final class BrowseProblems {

    private BrowseProblems() {
    }

    /** 400 naming every invalid query parameter in {@code errors[].field}. */
    public static WebApplicationException invalid(List<Problem.FieldError> errors, String instance) {
        String detail = errors.stream().map(e -> e.field() + ": " + e.messageZh() + " / " + e.message())
                .collect(Collectors.joining("; "));
        return problem(new Problem("https://xxgk.io/problems/validation", "请求参数无效 / Invalid parameter", 400, detail,
                instance, List.copyOf(errors)));
    }

    public static WebApplicationException unknownSchool(String code) {
        return problem(Problem.of(404, "unknown-school", "未找到学校 / Unknown school",
                "没有代码为 " + code + " 的学校 / no school with code '" + code + "'", "/api/v1/schools/" + code));
    }

    /**
     * 404 for an item that does not exist <em>or</em> is not public (held, withheld, withdrawn): the two answers are
     * identical, so the endpoint never reveals that a hidden item exists.
     */
    public static WebApplicationException unknownItem(String schoolCode, String itemId) {
        return problem(Problem.of(404, "unknown-item", "未找到信息 / Unknown item",
                "没有编号为 " + itemId + " 的公开信息 / no published item with id '" + itemId + "'",
                "/api/v1/schools/" + schoolCode + "/items/" + itemId));
    }

    private static WebApplicationException problem(Problem p) {
        return new WebApplicationException(Response.status(p.status())
                .type(Problem.MEDIA_TYPE + ";charset=UTF-8").entity(p).build());
    }
}
