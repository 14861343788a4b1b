package dev.widgetrequests.producer.sink;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PayloadPointerTest {

  @Test
  void json_isTheSqsExtendedClientPointer() {
    assertThat(PayloadPointer.json("requests", "1615728964574-0001"))
        .isEqualTo(
            "[\"software.amazon.payloadoffloading.PayloadS3Pointer\","
                + "{\"s3BucketName\":\"requests\",\"s3Key\":\"1615728964574-0001\"}]");
  }

  @Test
  void json_escapesQuotesAndBackslashesInKeys() {
    assertThat(PayloadPointer.json("b", "a\"b\\c"))
        .endsWith("{\"s3BucketName\":\"b\",\"s3Key\":\"a\\\"b\\\\c\"}]");
  }
}
