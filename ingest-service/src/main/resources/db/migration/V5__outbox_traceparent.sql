-- The W3C trace context of the request that wrote the row (e.g. 00-<trace id>-<span id>-01), so that the relay's
-- send, which happens later on another thread, continues the same trace: one item's POST → classify → publish is
-- one trace. Null when tracing is off or the row was written outside a traced request.
alter table outbox add column traceparent text;
