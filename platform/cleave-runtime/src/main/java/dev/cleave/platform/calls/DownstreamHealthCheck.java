package dev.cleave.platform.calls;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;
import org.eclipse.microprofile.metrics.Gauge;
import org.eclipse.microprofile.metrics.MetricID;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.annotation.RegistryScope;

/**
 * The check {@code downstream}: for each module this deployable calls, its binding and the state of
 * the circuit breakers in front of it, for example
 *
 * <pre>
 * "payment.binding": "remote", "payment.circuit": "open", "payment.not-closed": "authorize,capture"
 * </pre>
 *
 * {@code <module>.circuit} is the worst of its circuits ({@code open} before {@code half-open}
 * before {@code closed}). The check itself is always UP: an open circuit means this server is
 * protecting itself from a failing dependency, which is no reason to take it out of rotation too
 * (that would spread the outage to every caller).
 *
 * <p>The states come from MicroProfile Fault Tolerance's own metric {@code
 * ft.circuitbreaker.state.total}, the time each circuit has spent in each state: the state the
 * circuit is in is the one whose time grows, so the gauges are read twice. A circuit without the
 * gauges has never been called and is closed.
 */
@Readiness
@ApplicationScoped
public class DownstreamHealthCheck implements HealthCheck {

  static final String STATE_GAUGE = "ft.circuitbreaker.state.total";

  @Inject ModuleCallsExtension found;

  @Inject ModuleCalls calls;

  @Inject
  @RegistryScope(scope = MetricRegistry.BASE_SCOPE)
  MetricRegistry base;

  @Override
  public HealthCheckResponse call() {
    Map<String, Map<String, Double>> first = stateTimes();
    Map<String, Map<String, Double>> second = stateTimes();
    Map<String, Map<String, String>> byCallee = new TreeMap<>();
    for (ModuleCallsExtension.Circuit circuit : found.circuits()) {
      String method = circuit.method();
      byCallee
          .computeIfAbsent(circuit.callee(), callee -> new TreeMap<>())
          .put(
              method.substring(method.lastIndexOf('.') + 1),
              state(first.get(method), second.get(method)));
    }
    HealthCheckResponseBuilder response =
        HealthCheckResponse.named("downstream")
            .up()
            .withData("modules", byCallee.isEmpty() ? "none" : String.join(",", byCallee.keySet()));
    byCallee.forEach(
        (callee, circuits) -> {
          response.withData(callee + ".binding", calls.bindingOf(callee));
          response.withData(callee + ".circuit", worst(circuits.values()));
          List<String> notClosed =
              circuits.entrySet().stream()
                  .filter(e -> !e.getValue().equals("closed"))
                  .map(Map.Entry::getKey)
                  .toList();
          if (!notClosed.isEmpty()) {
            response.withData(callee + ".not-closed", String.join(",", notClosed));
          }
        });
    return response.build();
  }

  /**
   * Per guarded method, the nanoseconds spent so far in each state ({@code closed}, {@code open},
   * {@code halfOpen}).
   */
  private Map<String, Map<String, Double>> stateTimes() {
    Map<String, Map<String, Double>> times = new LinkedHashMap<>();
    for (MetricID id :
        base.getGauges((candidate, metric) -> candidate.getName().equals(STATE_GAUGE)).keySet()) {
      Map<String, String> tags = id.getTags();
      Gauge<?> gauge = base.getGauge(id);
      Object value = gauge == null ? null : gauge.getValue();
      if (tags.containsKey("method")
          && tags.containsKey("state")
          && value instanceof Number number) {
        times
            .computeIfAbsent(tags.get("method"), m -> new TreeMap<>())
            .put(tags.get("state"), number.doubleValue());
      }
    }
    return times;
  }

  /**
   * The state a circuit is in, from two readings of its time-in-state gauges: the one that grew.
   *
   * @return {@code closed}, {@code open} or {@code half-open}
   */
  static String state(Map<String, Double> first, Map<String, Double> second) {
    if (first == null || second == null) {
      return "closed";
    }
    String grown = null;
    double most = 0;
    for (Map.Entry<String, Double> later : second.entrySet()) {
      double growth = later.getValue() - first.getOrDefault(later.getKey(), 0.0);
      if (growth > most) {
        most = growth;
        grown = later.getKey();
      }
    }
    if (grown == null) {
      return "unknown";
    }
    return switch (grown) {
      case "open" -> "open";
      case "halfOpen" -> "half-open";
      default -> "closed";
    };
  }

  static String worst(Collection<String> states) {
    TreeSet<String> present = new TreeSet<>(states);
    for (String state : List.of("open", "half-open", "unknown")) {
      if (present.contains(state)) {
        return state;
      }
    }
    return "closed";
  }
}
