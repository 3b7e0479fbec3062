package dev.cleave.gateway;

import java.io.IOException;
import java.util.Optional;

/** Finds the request's route in the {@link RouteTable}; a path no route covers gets 404. */
final class RouteStep implements EdgeStep {

  private final RouteTable routes;

  RouteStep(RouteTable routes) {
    this.routes = routes;
  }

  @Override
  public boolean admit(EdgeExchange exchange) throws IOException {
    Optional<RouteTable.Route> route = routes.match(exchange.path());
    if (route.isEmpty()) {
      exchange.unrouted();
      exchange.refuse(404, "not-found", "Not found", "No resource exists at this path.");
      return false;
    }
    exchange.routeTo(route.get());
    return true;
  }
}
