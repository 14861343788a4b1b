/**
 * A production run: draws requests from the generator, keys them, hands them to a sink (in parallel
 * batches when there is no delay between requests), stops at the request limit, the runtime limit
 * or on request, and sums up what was sent.
 */
package dev.widgetrequests.producer.run;
