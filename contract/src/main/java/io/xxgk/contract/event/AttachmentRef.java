package io.xxgk.contract.event;

/** A pointer to an attachment in the object store; events never carry the bytes. */
public record AttachmentRef(String objectKey, String fileName, String contentType, long size, String sha256) {
}
