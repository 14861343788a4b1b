/**
 * How to reach AWS (or a local stack): settings read once at the edge and the one client factory.
 */
package dev.widgetrequests.aws;
