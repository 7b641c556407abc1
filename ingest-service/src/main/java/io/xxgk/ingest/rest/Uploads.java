package io.xxgk.ingest.rest;

import io.xxgk.contract.problem.ProblemException;
import io.xxgk.contract.api.Problem.FieldError;
import io.xxgk.ingest.service.TextRules;
import org.jboss.resteasy.reactive.multipart.FileUpload;

import java.util.ArrayList;
import java.util.List;

/** The multipart {@code file} part of an upload, checked before anything is stored. */
final class Uploads {

    /** Stored in varchar(300) columns and shown publicly; 255 is what file systems allow. */
    static final int MAX_FILE_NAME_CHARS = 255;

    private Uploads() {
    }

    static void requireFile(FileUpload file) {
        if (file == null || file.uploadedFile() == null) {
            throw ProblemException.invalid(List.of(new FieldError("file", "required",
                    "multipart/form-data with a file part named 'file' is required", "缺少文件字段 file（multipart/form-data）")));
        }
        String name = file.fileName();
        List<FieldError> errors = new ArrayList<>();
        if (TextRules.check("fileName", name, 4L * MAX_FILE_NAME_CHARS, errors) && name != null
                && name.strip().length() > MAX_FILE_NAME_CHARS) {
            errors.add(new FieldError("fileName", "too-long", "the file name is " + name.length() + " characters; at most "
                    + MAX_FILE_NAME_CHARS, "文件名为 " + name.length() + " 个字符，超过上限 " + MAX_FILE_NAME_CHARS + " 个字符"));
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
    }
}
