package dev.widgetrequests.local;

import java.time.Duration;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Gives tests a {@link LocalStack}: declare a {@code LocalStack} parameter on a test, lifecycle
 * method or constructor of a class extended with this. One stack on free ports serves every test
 * class of the JVM; it starts on first use and stops when the test run ends. Tests share it, so
 * they name what they create with {@link LocalStack#uniqueName}.
 *
 * <p>The system property {@value #LATENCY_PROPERTY} (milliseconds, default 0) makes every call to
 * that stack take so much longer, e.g. {@code ./mvnw verify -Dwidgets.latency.ms=20}.
 */
public final class LocalStackExtension implements ParameterResolver {
  /** The system property that asks for latency on every call, in milliseconds. */
  public static final String LATENCY_PROPERTY = "widgets.latency.ms";

  private static final ExtensionContext.Namespace NAMESPACE =
      ExtensionContext.Namespace.create(LocalStackExtension.class);

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    return parameter.getParameter().getType() == LocalStack.class;
  }

  @Override
  public LocalStack resolveParameter(ParameterContext parameter, ExtensionContext context) {
    // The root context's store outlives every test class and closes what it holds at the end.
    return context
        .getRoot()
        .getStore(NAMESPACE)
        .getOrComputeIfAbsent(
            LocalStack.class,
            type -> LocalStack.start(LocalStackPorts.RANDOM, latency()),
            LocalStack.class);
  }

  /** The latency {@value #LATENCY_PROPERTY} asks for. */
  static Duration latency() {
    String millis = System.getProperty(LATENCY_PROPERTY, "").strip();
    if (millis.isEmpty()) {
      return Duration.ZERO;
    }
    try {
      return Duration.ofMillis(Long.parseLong(millis));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(
          LATENCY_PROPERTY + " must be a number of milliseconds, not '" + millis + "'", e);
    }
  }
}
