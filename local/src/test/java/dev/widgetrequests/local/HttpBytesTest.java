package dev.widgetrequests.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class HttpBytesTest {

  @Test
  void interimOnly_aLone100Continue_isInterim() {
    assertThat(interim("HTTP/1.1 100 Continue\r\n\r\n")).isTrue();
  }

  @Test
  void interimOnly_100ContinueFollowedByTheAnswer_isNot() {
    assertThat(interim("HTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 200 OK\r\n")).isFalse();
  }

  @Test
  void interimOnly_aFinalAnswerOrPartOfOne_isNot() {
    assertThat(interim("HTTP/1.1 412 Precondition Failed\r\n\r\n")).isFalse();
    assertThat(interim("HTTP/1.1 100 Cont")).isFalse();
    assertThat(interim("<xml/>")).isFalse();
  }

  @Test
  void takeExpectContinue_renamesTheHeaderKeepingTheLength() {
    byte[] head = bytes("PUT /b/k HTTP/1.1\r\nHost: x\r\nexpect:  100-Continue\r\n\r\nbody");

    assertThat(HttpBytes.takeExpectContinue(head, head.length)).isTrue();
    assertThat(new String(head, StandardCharsets.US_ASCII))
        .isEqualTo("PUT /b/k HTTP/1.1\r\nHost: x\r\nX-Expt:  100-Continue\r\n\r\nbody");
  }

  @Test
  void takeExpectContinue_leavesOtherRequestsAlone() {
    byte[] plain = bytes("GET / HTTP/1.1\r\nHost: x\r\n\r\n");
    byte[] inBody = bytes("PUT / HTTP/1.1\r\nHost: x\r\n\r\n\r\nExpect: 100-continue\r\n\r\n");
    byte[] unfinished = bytes("PUT / HTTP/1.1\r\nExpect: 100-continue\r\n");

    assertThat(HttpBytes.takeExpectContinue(plain, plain.length)).isFalse();
    assertThat(HttpBytes.takeExpectContinue(inBody, inBody.length)).isFalse();
    assertThat(HttpBytes.takeExpectContinue(unfinished, unfinished.length)).isFalse();
  }

  @Test
  void requestLength_isHeadPlusContentLength() {
    byte[] head = bytes("PUT / HTTP/1.1\r\nContent-Length: 12\r\n\r\nabc");

    assertThat(HttpBytes.requestLength(head, head.length)).isEqualTo(head.length - 3 + 12);
  }

  @Test
  void requestLength_withoutContentLengthOrWholeHead_isUnknown() {
    byte[] chunked = bytes("PUT / HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n");
    byte[] partial = bytes("PUT / HTTP/1.1\r\nContent-Length: 12\r\n");

    assertThat(HttpBytes.requestLength(chunked, chunked.length)).isEqualTo(-1);
    assertThat(HttpBytes.requestLength(partial, partial.length)).isEqualTo(-1);
  }

  private static boolean interim(String text) {
    byte[] bytes = bytes(text);
    return HttpBytes.interimOnly(bytes, bytes.length);
  }

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.US_ASCII);
  }
}
