/**
 * The request handler: an AWS Lambda function that API Gateway invokes with one widget request per
 * POST. {@link dev.widgetrequests.lambda.WidgetRequestHandler} is the function's handler class.
 */
package dev.widgetrequests.lambda;
