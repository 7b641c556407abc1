package io.xxgk.classify;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.xxgk.contract.Topics;
import io.xxgk.contract.event.EventCodec;
import io.xxgk.contract.event.ItemKind;
import io.xxgk.testing.RealServers;
import io.xxgk.testing.RealServersResource;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * PostgreSQL down for longer than SmallRye's 60-second limit on an unacknowledged record: the consumer waits it
 * out with nothing dead-lettered, and carries on by itself when the database is back.
 */
@QuarkusTest
@QuarkusTestResource(value = RealServersResource.class, initArgs = @ResourceArg(name = "database", value = "classify"))
class DatabaseOutageTest {

    @Test
    void submissionsDuringAnOutageLongerThanAMinuteAreClassifiedWhenTheDatabaseReturns() throws Exception {
        String prefix = "outage-" + UUID.randomUUID().toString().substring(0, 8);
        List<String> ids = IntStream.range(0, 20).mapToObj(i -> prefix + "-" + i).toList();
        RealServers.stack().postgres().close();
        try {
            for (String id : ids) {
                SubmittedItemProcessorTest.send("zzsz", EventCodec.encode(
                        SubmittedItemProcessorTest.submitted(id, "2025年水电耗材采购项目招标公告" + id, ItemKind.PROCUREMENT_NOTICE)));
            }
            Thread.sleep(70_000);
        } finally {
            RealServers.stack().postgres().start();
        }
        List<ConsumerRecord<String, String>> out = SubmittedItemProcessorTest.read(Topics.ITEMS_CLASSIFIED,
                seen -> seen.stream().filter(r -> r.value().contains(prefix)).count() >= ids.size(), java.time.Duration.ofSeconds(90));
        for (String id : ids) {
            assertEquals(18, SubmittedItemProcessorTest.find(out, id).checklistItem(), id + " classified after the outage");
        }
        List<ConsumerRecord<String, String>> dead = SubmittedItemProcessorTest.read(Topics.DEAD_LETTER, seen -> false,
                java.time.Duration.ofSeconds(8));
        assertTrue(dead.stream().noneMatch(r -> r.value().contains(prefix)), "a database outage dead-letters nothing");
    }
}
