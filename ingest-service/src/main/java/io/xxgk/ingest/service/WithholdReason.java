package io.xxgk.ingest.service;

/** Legal grounds for not publishing (《高等学校信息公开办法》 art. 10). */
public enum WithholdReason {
    STATE_SECRET, COMMERCIAL_SECRET, PERSONAL_PRIVACY, OTHER
}
