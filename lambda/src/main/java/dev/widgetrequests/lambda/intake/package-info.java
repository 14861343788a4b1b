/** Taking a request body in: size limit, request id, validation, and the hand-off to the queue. */
package dev.widgetrequests.lambda.intake;
