/** The widget-request domain: requests, widgets and their attributes. */
package dev.widgetrequests.model;
