package dev.widgetrequests.lambda;

import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Invokes the handler the way the Lambda runtime does (no-arg constructor, one event), in a JVM
 * whose classpath is the function jar: {@code JarInvoker EVENT_FILE}. The response goes to stdout,
 * the handler's log lines to stderr.
 */
final class JarInvoker {
  private JarInvoker() {}

  public static void main(String[] args) throws IOException {
    WidgetRequestHandler handler = new WidgetRequestHandler();
    TestContext context = new TestContext();
    try (InputStream event = new FileInputStream(args[0])) {
      handler.handleRequest(event, System.out, context);
    }
    System.out.flush();
    context.logLines().forEach(System.err::println);
  }
}
