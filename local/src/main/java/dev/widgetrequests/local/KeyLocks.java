package dev.widgetrequests.local;

import java.util.concurrent.locks.ReentrantLock;

/**
 * Locks for object keys: a fixed set of locks, each key always taking the same one. Two keys may
 * share a lock, which costs a little waiting and never correctness.
 */
final class KeyLocks {
  private static final int STRIPES = 256;

  private final ReentrantLock[] locks = new ReentrantLock[STRIPES];

  KeyLocks() {
    for (int i = 0; i < STRIPES; i++) {
      locks[i] = new ReentrantLock();
    }
  }

  /** Takes and returns the lock of {@code bucket}/{@code key}; the caller unlocks it. */
  ReentrantLock lock(String bucket, String key) {
    int hash = 31 * bucket.hashCode() + key.hashCode();
    ReentrantLock lock = locks[Math.floorMod(hash ^ (hash >>> 16), STRIPES)];
    lock.lock();
    return lock;
  }
}
