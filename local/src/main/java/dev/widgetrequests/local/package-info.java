/**
 * The local stack: AWS-compatible servers (S3Proxy, ElasticMQ, DynamoDB Local) started in this JVM,
 * for integration tests ({@link dev.widgetrequests.local.LocalStackExtension}) and the {@code
 * widgets local} and {@code widgets demo} commands. Never part of a runtime jar that goes to AWS.
 */
package dev.widgetrequests.local;
