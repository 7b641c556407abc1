package io.xxgk.contract.event;

import org.junit.jupiter.api.Test;

import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The channels the seed reports count, named the way registers and reports word them. */
class ChannelTest {

    @Test
    void namesLabelsAndAliasesAreRecognised() {
        assertEquals(Optional.of(Channel.SMS), Channel.fromText("短信"));
        assertEquals(Optional.of(Channel.SMS), Channel.fromText("sms"));
        assertEquals(Optional.of(Channel.SHORT_VIDEO), Channel.fromText("抖音"));
        assertEquals(Optional.of(Channel.BROADCAST), Channel.fromText("校园广播"));
        assertEquals(Optional.of(Channel.NOTICE_BOARD), Channel.fromText("公示栏"));
        assertEquals(Optional.of(Channel.BRIEFING), Channel.fromText("简报"));
        assertEquals(Optional.of(Channel.WEBSITE), Channel.fromText("学校网站"));
    }

    @Test
    void theLongestAliasInTheTextWins() {
        assertEquals(Optional.of(Channel.IM_GROUP), Channel.fromText("学院企业微信群"));
        assertEquals(Optional.of(Channel.WECHAT), Channel.fromText("学校官方微信"));
        assertEquals(Optional.of(Channel.SHORT_VIDEO), Channel.fromText("学校抖音号"));
        assertEquals(Optional.of(Channel.VIDEO), Channel.fromText("微信视频号"));
        assertEquals(Optional.of(Channel.WEBSITE), Channel.fromText("学院门户网站"));
        assertEquals(Optional.empty(), Channel.fromText("飞鸽传书"));
        assertEquals(Optional.empty(), Channel.fromText(" "));
    }
}
