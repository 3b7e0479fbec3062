package dev.cleave.gateway;

import java.io.IOException;
import java.util.Optional;

/**
 * Applies the {@link IpRules}: a request from an address a list refuses gets 403, before anything
 * else about it is looked at or counted against a route. The address is not echoed.
 */
final class IpRulesStep implements EdgeStep {

  private final IpRules rules;
  private final GatewayMetrics metrics;

  IpRulesStep(IpRules rules, GatewayMetrics metrics) {
    this.rules = rules;
    this.metrics = metrics;
  }

  @Override
  public boolean admit(EdgeExchange exchange) throws IOException {
    if (rules.isEmpty()) {
      return true;
    }
    Optional<String> refusal =
        rules.refusal(exchange.method(), exchange.path(), exchange.clientAddress());
    if (refusal.isEmpty()) {
      return true;
    }
    metrics.addressRefused(refusal.get());
    exchange.refuse(403, "address-refused", "Forbidden", GatewayProblems.ADDRESS_REFUSED);
    return false;
  }
}
