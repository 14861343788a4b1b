/** The consumer's poll loop: per-widget ordering, concurrency, retries and outcomes. */
package dev.widgetrequests.consumer.engine;
