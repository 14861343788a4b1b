package dev.widgetrequests.local;

import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * What the calls to a {@link LocalStack} would be billed by: the calls each service answered, by
 * operation, and the DynamoDB capacity units they consumed, computed from the item sizes (see
 * {@link CapacityMeter}). A snapshot, taken by {@link LocalStack#metered()}; take two and subtract.
 *
 * @param calls calls by service and operation, e.g. {@code "SQS ReceiveMessage"}, {@code "S3
 *     PutObject"}, {@code "DynamoDB PutItem"}
 * @param writeUnits DynamoDB write units of the tables
 * @param indexWriteUnits DynamoDB write units of their global secondary indexes
 * @param readUnits DynamoDB read units
 */
public record Metered(
    Map<String, Long> calls, double writeUnits, double indexWriteUnits, double readUnits) {

  public Metered {
    calls = Map.copyOf(calls);
  }

  /** The calls to {@code service}, every operation together. */
  public long calls(LocalService service) {
    String prefix = service + " ";
    return calls.entrySet().stream()
        .filter(entry -> entry.getKey().startsWith(prefix))
        .mapToLong(Map.Entry::getValue)
        .sum();
  }

  /** The calls of one operation, e.g. {@code calls("S3 PutObject")}. */
  public long calls(String operation) {
    return calls.getOrDefault(operation, 0L);
  }

  /** Every call, to every service. */
  public long totalCalls() {
    return calls.values().stream().mapToLong(Long::longValue).sum();
  }

  /** What was metered since {@code earlier}, a snapshot of the same stack taken before this one. */
  public Metered minus(Metered earlier) {
    Map<String, Long> since = new HashMap<>(calls);
    earlier.calls.forEach((operation, count) -> since.merge(operation, -count, Long::sum));
    since.values().removeIf(count -> count == 0);
    return new Metered(
        since,
        writeUnits - earlier.writeUnits,
        indexWriteUnits - earlier.indexWriteUnits,
        readUnits - earlier.readUnits);
  }

  @Override
  public String toString() {
    return "Metered[calls=%s, writeUnits=%s, indexWriteUnits=%s, readUnits=%s]"
        .formatted(new TreeMap<>(calls), writeUnits, indexWriteUnits, readUnits);
  }
}
