/**
 * Widgets as JSON objects in an S3 bucket, one object per widget under {@code
 * {prefix}{owner-slug}/{widgetId}}, bookkeeping in object metadata.
 */
package dev.widgetrequests.aws.store.s3;
