/**
 * The local stack: AWS-compatible servers (S3Proxy and ElasticMQ in this JVM, dynalite as a {@code
 * node} child process) behind call-counting, latency-adding fronts, for integration tests ({@link
 * dev.widgetrequests.local.LocalStackExtension}) and the {@code widgets local} and {@code widgets
 * demo} commands. Never part of a runtime jar that goes to AWS.
 */
package dev.widgetrequests.local;
