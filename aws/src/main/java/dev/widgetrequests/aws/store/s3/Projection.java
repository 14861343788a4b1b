package dev.widgetrequests.aws.store.s3;

import dev.widgetrequests.aws.JsonBody;
import dev.widgetrequests.aws.store.conditional.WidgetLocks;
import dev.widgetrequests.model.Widget;
import dev.widgetrequests.model.fold.Folded;
import dev.widgetrequests.model.fold.WidgetFold;
import dev.widgetrequests.model.json.WidgetJson;
import dev.widgetrequests.model.store.StoreConflictException;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Makes a widget's objects under {@code widgets/} match its state object: the live widget at its
 * owner's key, nothing at any other key the state lists. Writing objects is not atomic with writing
 * the state, so after writing them the projection looks at the state object again and projects the
 * newer state when another writer changed it meanwhile. The last writer of any widget object always
 * checks after its write, so the objects end equal to the final state.
 */
final class Projection {
  /**
   * Rounds before giving up, as many as a store's conditional writes get: a retry of the request
   * projects again (as a duplicate).
   */
  private static final int MAX_ROUNDS = 25;

  private final S3Client s3;
  private final String bucket;
  private final String keyPrefix;

  Projection(S3Client s3, String bucket, String keyPrefix) {
    this.s3 = s3;
    this.bucket = bucket;
    this.keyPrefix = keyPrefix;
  }

  /** The key of the object a state projects its live widget to, or {@code null}. */
  String liveKey(Folded folded) {
    Widget widget = folded.widget();
    return widget == null ? null : S3WidgetStore.keyFor(keyPrefix, widget.owner(), widget.id());
  }

  /**
   * @param metadata the bookkeeping metadata of the folded state's widget object
   * @param eTagNow the state object's ETag as stored now ({@code null}: none)
   * @param reread reads the state object again
   * @return the state the objects were last made to match
   */
  WidgetState project(
      String widgetId,
      WidgetState state,
      Function<Folded, Map<String, String>> metadata,
      UnaryOperator<String> eTagNow,
      Function<String, WidgetState> reread) {
    for (int round = 1; ; round++) {
      Folded current = WidgetFold.current(state.history());
      String live = liveKey(current);
      if (live != null) {
        JsonBody body = JsonBody.of(WidgetJson.toJson(current.widget()));
        s3.putObject(
            b -> body.onto(b.bucket(bucket).key(live)).metadata(metadata.apply(current)),
            body.body());
      }
      for (String key : state.objects()) {
        if (!key.equals(live)) {
          s3.deleteObject(b -> b.bucket(bucket).key(key));
        }
      }
      if (Objects.equals(eTagNow.apply(widgetId), state.eTag())) {
        return state;
      }
      if (round == MAX_ROUNDS) {
        throw new StoreConflictException(widgetId, MAX_ROUNDS);
      }
      // Another writer is projecting too: back off as after a lost race, so one of us finishes.
      WidgetLocks.pauseAfterLostRace(widgetId, round);
      state = reread.apply(widgetId);
    }
  }
}
