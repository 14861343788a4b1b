package dev.widgetrequests.producer.run;

/** Why a production run ended. */
public enum StopReason {
  REQUEST_LIMIT("request limit reached"),
  RUNTIME_LIMIT("max runtime reached"),
  STOPPED("stopped on request"),
  FAILED("stopped by a failed send");

  private final String text;

  StopReason(String text) {
    this.text = text;
  }

  public String text() {
    return text;
  }
}
