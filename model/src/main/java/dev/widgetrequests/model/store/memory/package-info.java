/**
 * A {@link dev.widgetrequests.model.store.WidgetStore} in memory, for tests of the code that uses a
 * store. It is keyed like the DynamoDB store (by widget id alone).
 */
package dev.widgetrequests.model.store.memory;
