/** The widget-store port and the bookkeeping stored beside each widget. */
package dev.widgetrequests.model.store;
