package dev.widgetrequests.producer.generate;

/** The attributes the course producer gave widgets, in the order it wrote them. */
enum AttributeName {
  COLOR("color"),
  SIZE("size"),
  SIZE_UNIT("size-unit"),
  HEIGHT("height"),
  HEIGHT_UNIT("height-unit"),
  WIDTH("width"),
  WIDTH_UNIT("width-unit"),
  LENGTH("length"),
  LENGTH_UNIT("length-unit"),
  RATING("rating"),
  PRICE("price"),
  QUANTITY("quantity"),
  VENDOR("vendor"),
  NOTE("note");

  private final String wireName;

  AttributeName(String wireName) {
    this.wireName = wireName;
  }

  String wireName() {
    return wireName;
  }
}
