/**
 * Folding a request into a widget's kept history at its order key, so that every store ends in the
 * in-order result however requests arrive: a pure function, with the history's JSON form.
 */
package dev.widgetrequests.model.fold;
