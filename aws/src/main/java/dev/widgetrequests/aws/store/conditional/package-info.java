/**
 * What both AWS widget stores share: the loop that folds a widget's requests into its stored
 * history and writes the result on the condition that nobody wrote since it was read, the cache of
 * recently written states that saves the read, and the locks that keep one process from racing
 * itself. Each store gives only its primitives (docs/design/stores.md, "One loop, two backends").
 */
package dev.widgetrequests.aws.store.conditional;
