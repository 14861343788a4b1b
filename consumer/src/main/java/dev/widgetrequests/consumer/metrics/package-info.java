/**
 * What a running consumer shows: Prometheus metrics (requests by outcome and type, in flight, lane
 * backlog, lag, AWS call latency), served over HTTP when asked, and a progress line every few
 * seconds. Fed by the engine through {@link dev.widgetrequests.consumer.engine.ConsumerEvents}.
 */
package dev.widgetrequests.consumer.metrics;
