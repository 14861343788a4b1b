package dev.widgetrequests.local;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Gives tests a {@link LocalStack}: declare a {@code LocalStack} parameter on a test, lifecycle
 * method or constructor of a class extended with this. One stack on free ports serves every test
 * class of the JVM; it starts on first use and stops when the test run ends. Tests share it, so
 * they name what they create with {@link LocalStack#uniqueName}.
 */
public final class LocalStackExtension implements ParameterResolver {
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
            LocalStack.class, type -> LocalStack.startOnRandomPorts(), LocalStack.class);
  }
}
