/** The {@code widgets producer} command: the course producer's options, plus a seed. */
package dev.widgetrequests.producer.cli;
