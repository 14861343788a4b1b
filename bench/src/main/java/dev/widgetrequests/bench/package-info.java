/**
 * {@code widgets bench}: throughput of the project's consumer against a one-at-a-time consumer and
 * a bare SDK loop (the raw ceiling), on a private local stack.
 */
package dev.widgetrequests.bench;
