/** Command-line options shared by the commands that call AWS (picocli mixins). */
package dev.widgetrequests.aws.cli;
