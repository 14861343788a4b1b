package dev.widgetrequests.lambda;

import dev.widgetrequests.lambda.apigateway.ProxyResponse;

/** The response to one request and the single log line that records it. */
record Answer(ProxyResponse response, String logLine) {}
