/**
 * The live dashboard {@code widgets local} serves beside the request handler: queue depth, dead
 * letters with their reasons, applied and rejected per second from the consumers' metrics, calls
 * per service, widgets per store, and a rate chart. A sampler reads the stack every few seconds;
 * the page polls {@code /api/status}.
 */
package dev.widgetrequests.local.dashboard;
