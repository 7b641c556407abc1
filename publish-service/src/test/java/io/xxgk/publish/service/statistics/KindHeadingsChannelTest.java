package io.xxgk.publish.service.statistics;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.xxgk.contract.Topics;
import io.xxgk.contract.event.Channel;
import io.xxgk.contract.event.Decision;
import io.xxgk.contract.event.EventCodec;
import io.xxgk.contract.event.ItemClassified;
import io.xxgk.contract.event.ItemKind;
import io.xxgk.testing.RealServersResource;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/**
 * The kind headings over website items only, as a per-school setting (issue 11 item 5): 株洲师范 counts its headings
 * over what it published on its website (xxgk.statistics.schools.zzsz.kind-headings-channel=WEBSITE); an item that went
 * out on WeChat only is published, counted by channel, but not under a heading. Schools without the setting count
 * every item.
 */
@QuarkusTest
@QuarkusTestResource(value = RealServersResource.class, initArgs = @ResourceArg(name = "database", value = "publish"))
class KindHeadingsChannelTest {

    static ItemClassified item(String id, ItemKind kind, List<Channel> channels) {
        LocalDate d = LocalDate.of(2017, 3, 1);
        return Zzsz2022Fixture.item(id, 1, kind, "党政办公室", null, null, d, d, channels, Decision.PUBLISH, null);
    }

    @Test
    void zzszCountsItsHeadingsOverWebsiteItemsOnly() throws Exception {
        try (KafkaProducer<String, String> producer = Zzsz2022Fixture.producer()) {
            for (ItemClassified e : List.of(item("zzsz17-rule", ItemKind.RULE, List.of(Channel.WEBSITE, Channel.WECHAT)),
                    item("zzsz17-teaching", ItemKind.TEACHING, List.of(Channel.WEBSITE)),
                    item("zzsz17-wechat-news", ItemKind.NEWS, List.of(Channel.WECHAT)))) {
                producer.send(new ProducerRecord<>(Topics.ITEMS_CLASSIFIED, e.schoolCode(), EventCodec.encode(e))).get();
            }
        }
        String url = "/api/v1/schools/zzsz/statistics?year=2017";
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> given().get(url).then().statusCode(200).body("published", equalTo(3)));

        JsonPath json = given().get(url).then().statusCode(200).extract().jsonPath();
        assertEquals("WEBSITE", json.getString("byKindChannel"));
        assertEquals(2, json.getInt("byKindTotal"));
        assertEquals(1, json.getInt("byKind.find { it.key == '公文类' }.count"));
        assertEquals(50.0f, json.getFloat("byKind.find { it.key == '公文类' }.percent"));
        assertEquals(1, json.getInt("byKind.find { it.key == '教学类' }.count"));
        assertEquals(0, json.getInt("byKind.find { it.key == '其他业务动态类' }.count"));
        // the WeChat-only news item is still published and counted by channel
        assertEquals(2, json.getInt("byChannel.find { it.key == 'WECHAT' }.count"));
        assertEquals(3, json.getInt("channelUnion"));

        // a school without the setting: the headings count every published item
        JsonPath other = given().get("/api/v1/schools/xykj/statistics?year=2017").then().statusCode(200).extract().jsonPath();
        assertNull(other.getString("byKindChannel"));
        assertEquals(other.getLong("published"), other.getLong("byKindTotal"));
    }
}
