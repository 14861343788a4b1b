/** S3 keys for requests: production time first, so key order is production order. */
package dev.widgetrequests.producer.key;
