/** Requests stored one object each in an S3 bucket, taken smallest key first. */
package dev.widgetrequests.aws.source.s3;
