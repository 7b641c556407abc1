package io.xxgk.classify;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.xxgk.contract.Topics;
import io.xxgk.contract.event.EventCodec;
import io.xxgk.contract.event.ItemKind;
import io.xxgk.contract.event.TraceContexts;
import io.xxgk.testing.RealServers;
import io.xxgk.testing.RealServersResource;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

/** A decision continues the trace of the submission it answers: its traceparent header names the same trace. */
@QuarkusTest
@QuarkusTestResource(value = RealServersResource.class, initArgs = @ResourceArg(name = "database", value = "classify"))
class TracePropagationTest {

    @Test
    void theClassifiedEventCarriesTheTraceOfTheSubmittedOne() throws Exception {
        byte[] t = new byte[16];
        byte[] s = new byte[8];
        ThreadLocalRandom.current().nextBytes(t);
        ThreadLocalRandom.current().nextBytes(s);
        t[0] |= 1;
        s[0] |= 1;
        String traceId = HexFormat.of().formatHex(t);
        String ingestSpan = HexFormat.of().formatHex(s);
        String id = "trace-" + UUID.randomUUID();
        ProducerRecord<String, String> submitted = new ProducerRecord<>(Topics.ITEMS_SUBMITTED, "zzsz", EventCodec.encode(
                SubmittedItemProcessorTest.submitted(id, "2025年水电耗材采购项目招标公告", ItemKind.PROCUREMENT_NOTICE)));
        submitted.headers().add(TraceContexts.TRACEPARENT, ("00-" + traceId + "-" + ingestSpan + "-01").getBytes(StandardCharsets.UTF_8));
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, RealServers.stack().kafka().bootstrapServers());
        p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(p)) {
            producer.send(submitted).get();
        }

        List<ConsumerRecord<String, String>> out = SubmittedItemProcessorTest.read(Topics.ITEMS_CLASSIFIED,
                seen -> seen.stream().anyMatch(r -> r.value().contains(id)));
        ConsumerRecord<String, String> classified = out.stream().filter(r -> r.value().contains(id)).findFirst().orElseThrow();
        String header = TraceContexts.of(classified.headers()).orElseThrow(() -> new AssertionError("no traceparent on the decision"));
        assertEquals(traceId, TraceContexts.traceId(header).orElseThrow(), "same trace as the submission: " + header);
        assertNotEquals(ingestSpan, header.split("-")[2], "classify's send is a span of its own");
    }
}
