/**
 * The request handler served over HTTP on this machine, through an adapter that plays API Gateway's
 * part: HTTP request in, proxy event to the function, proxy response back out.
 */
package dev.widgetrequests.local.http;
