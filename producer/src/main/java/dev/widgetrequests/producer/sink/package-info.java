/**
 * Where produced requests go: {@link dev.widgetrequests.producer.sink.RequestSink} and its S3
 * bucket, SQS queue and claim-check (object in S3, pointer in SQS) adapters.
 */
package dev.widgetrequests.producer.sink;
