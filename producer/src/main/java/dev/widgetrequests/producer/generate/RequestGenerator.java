package dev.widgetrequests.producer.generate;

import dev.widgetrequests.model.CreateWidget;
import dev.widgetrequests.model.DeleteWidget;
import dev.widgetrequests.model.UpdateWidget;
import dev.widgetrequests.model.WidgetRequest;
import dev.widgetrequests.producer.generate.Targets.Target;
import java.util.List;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;

/**
 * An endless stream of widget requests like the course producer's: {@value #WARM_UP} creates first,
 * then about {@value #CREATE_PERCENT} % create, {@value #UPDATE_PERCENT} % update and the rest
 * delete. Updates and deletes name a widget created earlier, with its owner (now and then one
 * already deleted). Not thread safe: one producing thread draws from it.
 */
public final class RequestGenerator {
  /** How many creates come before the first update or delete. */
  public static final int WARM_UP = 10;

  public static final int CREATE_PERCENT = 60;
  public static final int UPDATE_PERCENT = 30;

  /** The course producer's owners. */
  public static final List<String> OWNERS =
      List.of("Mary Matthews", "John Jones", "Sue Smith", "Henry Hops");

  private final RandomGenerator random;
  private final WidgetContent content;
  private final Targets targets;
  private long produced;

  public RequestGenerator(RandomGenerator random) {
    this.random = random;
    this.content = new WidgetContent(random);
    this.targets = new Targets(random);
  }

  /** The stream for one seed: the same seed always gives the same requests, ids included. */
  public static RequestGenerator seeded(long seed) {
    return new RequestGenerator(new SplittableRandom(seed));
  }

  public WidgetRequest next() {
    WidgetRequest request = produced < WARM_UP || targets.isEmpty() ? create() : mixed();
    produced++;
    return request;
  }

  private WidgetRequest mixed() {
    int draw = random.nextInt(100);
    if (draw < CREATE_PERCENT) {
      return create();
    }
    return draw < CREATE_PERCENT + UPDATE_PERCENT ? update() : delete();
  }

  private CreateWidget create() {
    String owner = OWNERS.get(random.nextInt(OWNERS.size()));
    CreateWidget create =
        new CreateWidget(
            content.uuid(),
            content.uuid(),
            owner,
            content.label(),
            content.description(),
            content.attributes());
    targets.created(new Target(create.widgetId(), owner));
    return create;
  }

  private UpdateWidget update() {
    Target target = targets.forUpdate();
    return new UpdateWidget(
        content.uuid(),
        target.widgetId(),
        target.owner(),
        content.updatedLabel(),
        content.updatedDescription(),
        content.updatedAttributes());
  }

  private DeleteWidget delete() {
    Target target = targets.forDelete();
    return new DeleteWidget(content.uuid(), target.widgetId(), target.owner());
  }
}
