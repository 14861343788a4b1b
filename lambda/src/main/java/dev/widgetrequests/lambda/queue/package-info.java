/** The request queue port and its SQS adapter. */
package dev.widgetrequests.lambda.queue;
