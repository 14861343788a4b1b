/** The request-source port: where requests come from and how each one ends. */
package dev.widgetrequests.model.source;
