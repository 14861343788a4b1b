package dev.widgetrequests.model.store;

import java.time.Instant;

/**
 * Bookkeeping stored beside a widget: the request that last changed it, when, and where that
 * request came from (an S3 key or an SQS message id). Never part of the widget itself.
 */
public record Provenance(String requestId, Instant appliedAt, String position) {}
