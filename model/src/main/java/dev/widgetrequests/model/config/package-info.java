/** Configuration errors reported to users as one line with the fix. */
package dev.widgetrequests.model.config;
