package io.xxgk.ingest.service;

import io.xxgk.contract.api.Problem.FieldError;
import io.xxgk.contract.school.SchoolDirectory;
import io.xxgk.ingest.config.IngestConfig;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import org.hibernate.validator.messageinterpolation.ParameterMessageInterpolator;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The per-field rules now declared as constraints on {@link ItemRequest} answer exactly the field errors ingest
 * answered before: same field, code, English and Chinese message, in field order, one per field.
 */
class ItemValidatorTest {

    private static final Validator CONSTRAINTS = Validation.byDefaultProvider().configure()
            .messageInterpolator(new ParameterMessageInterpolator()).buildValidatorFactory().getValidator();
    private final ItemValidator validator = new ItemValidator(SchoolDirectory.load(), config(),
            Clock.fixed(Instant.parse("2025-06-01T00:00:00Z"), ZoneOffset.UTC), CONSTRAINTS);

    @Test
    void aValidItemHasNoErrors() {
        assertEquals(List.of(), validator.validate(item("zzsz-1", "zzsz", "教务处", "标题", null, null)));
    }

    @Test
    void missingFieldsAreRequiredInFieldOrder() {
        assertEquals(List.of(
                        new FieldError("id", "required", "id is required (the client's idempotency key)", "编号 id 不能为空"),
                        new FieldError("schoolCode", "required", "schoolCode is required", "学校代码 schoolCode 不能为空"),
                        new FieldError("department", "required", "department is required", "发布部门 department 不能为空"),
                        new FieldError("title", "required", "title must not be missing or blank", "标题 title 不能为空")),
                validator.validate(item(null, " ", "", "\t", null, null)));
    }

    @Test
    void aBlankIdIsRequiredOnlyNotAlsoBadlyFormatted() {
        assertEquals(List.of(new FieldError("id", "required", "id is required (the client's idempotency key)", "编号 id 不能为空")),
                validator.validate(item("  ", "zzsz", "教务处", "标题", null, null)));
    }

    @Test
    void aBadIdAndAnOutOfRangeHintAndANullAttachmentKeepTheirCodes() {
        assertEquals(List.of(
                        new FieldError("id", "format", "id must be 1-128 letters, digits or . _ : -, starting with a letter or digit",
                                "编号 id 只能包含字母、数字和 . _ : -，长度 1-128"),
                        new FieldError("checklistHint", "range", "checklistHint must be between 1 and 50", "清单事项编号应在 1 到 50 之间"),
                        new FieldError("attachments[1]", "required", "attachment id must not be null", "附件编号不能为空")),
                validator.validate(item("-x", "zzsz", "教务处", "标题", 51, Arrays.asList("a", null))));
        assertEquals("range", validator.validate(item("x", "zzsz", "教务处", "标题", 0, null)).get(0).code());
    }

    @Test
    void rulesThatNeedTheSchoolOrOtherFieldsStillApply() {
        List<FieldError> errors = validator.validate(item("x", "no-such-school", "部".repeat(101), "标题", null, null));
        assertEquals(List.of("schoolCode:unknown", "department:too-long"),
                errors.stream().map(e -> e.field() + ":" + e.code()).toList());
    }

    private static ItemRequest item(String id, String school, String department, String title, Integer hint, List<String> attachments) {
        return new ItemRequest(id, school, department, title, null, null, null, null, null, null, hint, null, null, attachments, null);
    }

    private static IngestConfig config() {
        IngestConfig.Items items = new IngestConfig.Items() {
            public int maxBodyChars() {
                return 200_000;
            }

            public int maxTitleChars() {
                return 500;
            }

            public int maxBodyBytes() {
                return 600_000;
            }

            public int maxAttachments() {
                return 50;
            }
        };
        return new IngestConfig() {
            public Optional<String> adminToken() {
                return Optional.empty();
            }

            public Optional<String> publicApplicationsToken() {
                return Optional.empty();
            }

            public Storage storage() {
                return null;
            }

            public Items items() {
                return items;
            }

            public Outbox outbox() {
                return null;
            }

            public Attachments attachments() {
                return null;
            }

            public Events events() {
                return null;
            }

            public Ops ops() {
                return null;
            }

            public GroupCommit groupCommit() {
                return null;
            }
        };
    }
}
