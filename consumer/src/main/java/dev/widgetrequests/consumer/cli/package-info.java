/** The consumer's command line: both flag vocabularies, configuration and wiring. */
package dev.widgetrequests.consumer.cli;
