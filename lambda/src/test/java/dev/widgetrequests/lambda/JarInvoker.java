package dev.widgetrequests.lambda;

import java.io.ByteArrayOutputStream;
import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/**
 * Invokes the handler the way the Lambda runtime does (no-arg constructor, then one event at a
 * time), in a JVM whose classpath is the function jar: {@code JarInvoker EVENT_FILE...}. Prints one
 * response per line on stdout and the handler's log lines on stderr.
 */
final class JarInvoker {
  private JarInvoker() {}

  public static void main(String[] eventFiles) throws IOException {
    WidgetRequestHandler handler = new WidgetRequestHandler();
    for (String eventFile : eventFiles) {
      TestContext context = new TestContext();
      ByteArrayOutputStream response = new ByteArrayOutputStream();
      try (InputStream event = new FileInputStream(eventFile)) {
        handler.handleRequest(event, response, context);
      }
      System.out.println(response.toString(StandardCharsets.UTF_8));
      context.logLines().forEach(System.err::println);
    }
  }
}
