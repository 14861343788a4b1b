/**
 * The API Gateway proxy integration wire format: events in (REST API 1.0 and HTTP API 2.0
 * payloads), responses out.
 */
package dev.widgetrequests.lambda.apigateway;
