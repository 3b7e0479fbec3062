package dev.cleave.gateway;

import java.io.IOException;

/**
 * Applies the route's {@link RouteTransforms}: on the way in it hands the exchange the route's
 * changes, which the {@link Forwarder} makes to the path and headers the upstream gets; on the way
 * back it changes the answer's headers before any other step sees them, so the cache keeps and
 * replays the changed answer. The last step in, so nothing before it sees a rewritten request.
 */
final class TransformStep implements EdgeStep {

  private final RouteTransforms transforms;

  TransformStep(RouteTransforms transforms) {
    this.transforms = transforms;
  }

  @Override
  public boolean admit(EdgeExchange exchange) {
    exchange.transformWith(transforms.of(exchange.route().prefix()));
    return true;
  }

  @Override
  public boolean answered(EdgeExchange exchange, UpstreamClient.Response answer)
      throws IOException {
    exchange.transform().answer(answer.headers(), exchange.route().prefix());
    return false;
  }
}
