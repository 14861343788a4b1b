package dev.widgetrequests.local;

import java.util.stream.Collectors;

/**
 * A JVM that runs a local stack until it is killed: prints {@code children PID...} (its child
 * processes: dynalite's {@code node}) once the stack is up. For {@link DynaliteOrphanIT}.
 */
public final class StackHolder {
  private StackHolder() {}

  public static void main(String[] args) throws InterruptedException {
    LocalStack stack = LocalStack.startOnRandomPorts();
    stack.dynamoDb().listTables();
    System.out.println(
        "children "
            + ProcessHandle.current()
                .children()
                .map(child -> Long.toString(child.pid()))
                .collect(Collectors.joining(" ")));
    System.out.flush();
    Thread.sleep(Long.MAX_VALUE);
  }
}
