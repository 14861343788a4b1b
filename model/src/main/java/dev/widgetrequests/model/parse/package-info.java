/**
 * Reading a request body: JSON syntax, the shipped JSON Schema ({@code widget-request.schema.json})
 * and the rules a schema cannot state, giving a valid {@link
 * dev.widgetrequests.model.WidgetRequest} or every rule the body breaks, each naming its field.
 */
package dev.widgetrequests.model.parse;
