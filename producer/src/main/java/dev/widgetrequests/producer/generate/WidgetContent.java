package dev.widgetrequests.producer.generate;

import dev.widgetrequests.model.Attribute;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.random.RandomGenerator;

/**
 * Random widget data shaped like the course producer's: upper-case labels and descriptions,
 * dimensions in cm, ratings, prices, vendors and notes. Updates sometimes leave a field out, and
 * sometimes send {@code ""} to remove it.
 */
final class WidgetContent {
  private static final List<String> COLORS =
      List.of("red", "orange", "yellow", "green", "blue", "pink");
  private static final int PERCENT_EMPTY_DESCRIPTION = 5;
  private static final int PERCENT_UPDATE_WITHOUT_LABEL = 50;
  private static final int PERCENT_UPDATE_WITHOUT_DESCRIPTION = 10;
  private static final int PERCENT_UPDATE_REMOVES_ATTRIBUTE = 10;

  private final RandomGenerator random;

  WidgetContent(RandomGenerator random) {
    this.random = random;
  }

  /** A random version 4 UUID drawn from the seeded source, so a seed reproduces ids too. */
  String uuid() {
    long high = (random.nextLong() & ~0xF000L) | 0x4000L;
    long low = (random.nextLong() & 0x3FFF_FFFF_FFFF_FFFFL) | 0x8000_0000_0000_0000L;
    return new UUID(high, low).toString();
  }

  /** Up to nine letters; {@code ""} one time in ten, as in the course data. */
  String label() {
    return letters(random.nextInt(10));
  }

  String description() {
    return percent(PERCENT_EMPTY_DESCRIPTION) ? "" : letters(random.nextInt(1, 101));
  }

  List<Attribute> attributes() {
    return attributes(0);
  }

  /** {@code null} (unchanged), a new label, or now and then {@code ""} (remove it). */
  String updatedLabel() {
    return percent(PERCENT_UPDATE_WITHOUT_LABEL) ? null : label();
  }

  String updatedDescription() {
    return percent(PERCENT_UPDATE_WITHOUT_DESCRIPTION) ? null : description();
  }

  /** New values for some attributes; a value {@code ""} asks for that attribute's removal. */
  List<Attribute> updatedAttributes() {
    return attributes(PERCENT_UPDATE_REMOVES_ATTRIBUTE);
  }

  private List<Attribute> attributes(int percentEmpty) {
    List<Attribute> attributes = new ArrayList<>();
    for (AttributeName name : AttributeName.values()) {
      if (random.nextBoolean()) {
        String value = percent(percentEmpty) ? "" : value(name);
        attributes.add(new Attribute(name.wireName(), value));
      }
    }
    return attributes;
  }

  private String value(AttributeName name) {
    return switch (name) {
      case COLOR -> COLORS.get(random.nextInt(COLORS.size()));
      case SIZE, HEIGHT, WIDTH, LENGTH, QUANTITY -> Integer.toString(random.nextInt(1, 1001));
      case SIZE_UNIT, HEIGHT_UNIT, WIDTH_UNIT, LENGTH_UNIT -> "cm";
      // From 0.01 so Float.toString never switches to scientific notation.
      case RATING -> Float.toString(random.nextFloat(0.01f, 5f));
      case PRICE -> price(random.nextInt(1, 10_000));
      case VENDOR -> letters(random.nextInt(20));
      case NOTE -> letters(random.nextInt(500));
    };
  }

  private static String price(int cents) {
    return String.format(Locale.ROOT, "%d.%02d", cents / 100, cents % 100);
  }

  private String letters(int length) {
    char[] letters = new char[length];
    for (int i = 0; i < length; i++) {
      letters[i] = (char) ('A' + random.nextInt(26));
    }
    return new String(letters);
  }

  private boolean percent(int percent) {
    return random.nextInt(100) < percent;
  }
}
