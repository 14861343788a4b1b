/**
 * Widgets as items of a DynamoDB table, one item per widget id, every field a top-level string
 * attribute so the course's {@code owner} + {@code last_modified_on} index and ad-hoc queries work.
 */
package dev.widgetrequests.aws.store.dynamodb;
