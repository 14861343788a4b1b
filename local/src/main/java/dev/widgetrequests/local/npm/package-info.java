/**
 * Node.js packages of the source tree (dynalite for the local stack, cfn-guard for the infra
 * tests), installed on first use by {@code scripts/npm-install.sh}. Uses nothing but the JDK, so
 * another module's tests can take it without the local stack's servers.
 */
package dev.widgetrequests.local.npm;
