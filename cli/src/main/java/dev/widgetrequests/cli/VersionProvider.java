package dev.widgetrequests.cli;

import picocli.CommandLine.IVersionProvider;

/** Reports the version Maven stamped into the jar manifest. */
final class VersionProvider implements IVersionProvider {
  @Override
  public String[] getVersion() {
    String version = WidgetsCommand.class.getPackage().getImplementationVersion();
    return new String[] {
      "widgets " + (version == null ? "development build" : version),
      "Java " + Runtime.version() + " (" + System.getProperty("java.vendor") + ")"
    };
  }
}
