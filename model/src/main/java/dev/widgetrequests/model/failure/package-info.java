/**
 * The failure vocabulary: what an adapter reports when the infrastructure fails, in four kinds the
 * engine can act on without knowing any cloud SDK (docs/design/consumer.md, "Failures").
 */
package dev.widgetrequests.model.failure;
