/**
 * Requests from an SQS queue: inline bodies, extended-client pointers and S3 event notifications.
 */
package dev.widgetrequests.aws.source.sqs;
