package dev.widgetrequests.bench;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CeilingProcessTest {
  @Test
  void heap_isAtLeast512MbAndGrowsWithTheWritesHeld() {
    assertThat(CeilingProcess.heap(100)).isEqualTo("-Xmx512m");
    assertThat(CeilingProcess.heap(11_270)).isEqualTo("-Xmx512m");
    assertThat(CeilingProcess.heap(35_000)).isEqualTo("-Xmx1503m");
  }
}
