/**
 * Applying one request to the current state of its widget: a pure function whose {@link
 * dev.widgetrequests.model.apply.Change} tells the store what to do (put, remove, or nothing with a
 * warning).
 */
package dev.widgetrequests.model.apply;
