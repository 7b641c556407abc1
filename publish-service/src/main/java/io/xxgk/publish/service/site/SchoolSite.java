package io.xxgk.publish.service.site;

import java.util.List;

/**
 * What a school's site says about the school itself: the guide (信息公开指南) as paragraphs, and the office to turn
 * to. Contacts are the office's, from configuration, never a person's.
 */
public record SchoolSite(List<String> guide, String office, String address, String phone, String email, String hours) {
}
