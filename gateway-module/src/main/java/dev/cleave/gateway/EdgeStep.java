package dev.cleave.gateway;

import java.io.IOException;

/**
 * One duty of the edge, applied to every request in the order {@link EdgePipeline} declares. A step
 * looks at the request on its way in and either lets it go on or answers it itself (a refusal, a
 * preflight, a cached copy, a composite view); a step may also look at the upstream's answer on its
 * way back, in the reverse order, and send it itself (the cache keeps a copy as it does).
 */
interface EdgeStep {

  /**
   * The request on its way in.
   *
   * @return true when the request goes on to the next step; false when this step has answered it
   */
  boolean admit(EdgeExchange exchange) throws IOException;

  /**
   * The upstream's answer on its way back, before it is relayed.
   *
   * @return true when this step has sent the answer to the client itself
   */
  default boolean answered(EdgeExchange exchange, UpstreamClient.Response answer)
      throws IOException {
    return false;
  }
}
