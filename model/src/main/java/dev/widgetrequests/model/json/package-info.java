/** JSON text of widgets (as stored in S3) and of requests (as producers send them). */
package dev.widgetrequests.model.json;
