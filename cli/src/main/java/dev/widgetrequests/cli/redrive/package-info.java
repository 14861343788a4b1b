/**
 * {@code widgets redrive}: dead letters back to their source queue and rejected request objects
 * back to their bucket, sent before they are deleted so none is ever lost.
 */
package dev.widgetrequests.cli.redrive;
