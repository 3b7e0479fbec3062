package dev.cleave.gateway;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.DoubleAdder;
import java.util.concurrent.atomic.LongAdder;

/**
 * The gateway's own metrics, in Prometheus text format at {@code /metrics} ({@link
 * MetricsServlet}). Written by hand rather than through MicroProfile Metrics: the gateway stays a
 * servlet application without CDI, and a request costs a few adder increments. Labels are bounded:
 * {@code route} is a configured prefix (or {@code unrouted} / {@code rejected}), {@code status} an
 * HTTP status.
 *
 * <ul>
 *   <li>{@code gateway_requests_total{route,status}} and {@code
 *       gateway_request_duration_seconds{route}} (a histogram), for every request;
 *   <li>{@code gateway_upstream_errors_total{route,upstream,kind}}: {@code timeout}, {@code
 *       refused}, {@code reset};
 *   <li>{@code gateway_address_refused_total{list}}: requests an IP list refused ({@link IpRules});
 *   <li>{@code gateway_rate_limited_total{route,policy}} and {@code
 *       gateway_auth_refused_total{route,reason}} ({@code missing} or {@code invalid});
 *   <li>{@code gateway_cache_requests_total{route,result}} ({@code hit}, {@code miss}) and {@code
 *       gateway_cache_purged_entries_total{route}} (entries dropped by writes through the route);
 *   <li>{@code gateway_release_requests_total{route,version}} ({@code stable}, {@code candidate})
 *       and {@code gateway_shadow_requests_total{route,upstream,outcome}} ({@link Releases}).
 * </ul>
 */
final class GatewayMetrics {

  /** Upper bounds of the latency histogram, in seconds. */
  static final double[] BUCKETS = {
    0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10
  };

  private static final class Histogram {
    final LongAdder[] counts = new LongAdder[BUCKETS.length + 1];
    final DoubleAdder sum = new DoubleAdder();

    Histogram() {
      for (int i = 0; i < counts.length; i++) {
        counts[i] = new LongAdder();
      }
    }

    void observe(double seconds) {
      int i = 0;
      while (i < BUCKETS.length && seconds > BUCKETS[i]) {
        i++;
      }
      counts[i].increment();
      sum.add(seconds);
    }
  }

  private final Map<String, LongAdder> counters = new ConcurrentHashMap<>();
  private final Map<String, Histogram> latencies = new ConcurrentHashMap<>();

  void request(String route, int status, long nanos) {
    count("gateway_requests_total", "route", route, "status", Integer.toString(status));
    latencies.computeIfAbsent(route, r -> new Histogram()).observe(nanos / 1e9);
  }

  void upstreamError(String route, String upstream, String kind) {
    count("gateway_upstream_errors_total", "route", route, "upstream", upstream, "kind", kind);
  }

  void rateLimited(String route, String policy) {
    count("gateway_rate_limited_total", "route", route, "policy", policy);
  }

  /** A request an IP list refused; {@code list} names it ({@code deny}, {@code allow /path}). */
  void addressRefused(String list) {
    count("gateway_address_refused_total", "list", list);
  }

  void authRefused(String route, boolean tokenPresented) {
    count(
        "gateway_auth_refused_total",
        "route",
        route,
        "reason",
        tokenPresented ? "invalid" : "missing");
  }

  void release(String route, String version) {
    count("gateway_release_requests_total", "route", route, "version", version);
  }

  void shadow(String route, String upstream, String outcome) {
    count(
        "gateway_shadow_requests_total", "route", route, "upstream", upstream, "outcome", outcome);
  }

  void cache(String route, String result) {
    count("gateway_cache_requests_total", "route", route, "result", result);
  }

  void cachePurged(String route, int entries) {
    counters
        .computeIfAbsent(
            series("gateway_cache_purged_entries_total", "route", route), s -> new LongAdder())
        .add(entries);
  }

  private void count(String name, String... labels) {
    counters.computeIfAbsent(series(name, labels), s -> new LongAdder()).increment();
  }

  private static String series(String name, String... labels) {
    StringBuilder series = new StringBuilder(name).append('{');
    for (int i = 0; i < labels.length; i += 2) {
      if (i > 0) {
        series.append(',');
      }
      series.append(labels[i]).append("=\"").append(escape(labels[i + 1])).append('"');
    }
    return series.append('}').toString();
  }

  private static String escape(String value) {
    return value.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n");
  }

  /** Everything, in the Prometheus text exposition format (version 0.0.4). */
  String scrape() {
    StringBuilder out = new StringBuilder();
    Map<String, Map<String, Long>> byName = new TreeMap<>();
    counters.forEach(
        (series, value) ->
            byName
                .computeIfAbsent(series.substring(0, series.indexOf('{')), n -> new TreeMap<>())
                .put(series, value.sum()));
    for (String name :
        new String[] {
          "gateway_requests_total",
          "gateway_upstream_errors_total",
          "gateway_rate_limited_total",
          "gateway_address_refused_total",
          "gateway_auth_refused_total",
          "gateway_cache_requests_total",
          "gateway_cache_purged_entries_total",
          "gateway_release_requests_total",
          "gateway_shadow_requests_total"
        }) {
      out.append("# TYPE ").append(name).append(" counter\n");
      byName
          .getOrDefault(name, Map.of())
          .forEach((series, value) -> out.append(series).append(' ').append(value).append('\n'));
    }
    out.append("# TYPE gateway_request_duration_seconds histogram\n");
    new TreeMap<>(latencies)
        .forEach(
            (route, histogram) -> {
              long cumulative = 0;
              String label = "route=\"" + escape(route) + "\"";
              for (int i = 0; i <= BUCKETS.length; i++) {
                cumulative += histogram.counts[i].sum();
                out.append("gateway_request_duration_seconds_bucket{")
                    .append(label)
                    .append(",le=\"")
                    .append(i < BUCKETS.length ? Double.toString(BUCKETS[i]) : "+Inf")
                    .append("\"} ")
                    .append(cumulative)
                    .append('\n');
              }
              out.append("gateway_request_duration_seconds_sum{")
                  .append(label)
                  .append("} ")
                  .append(histogram.sum.sum())
                  .append('\n');
              out.append("gateway_request_duration_seconds_count{")
                  .append(label)
                  .append("} ")
                  .append(cumulative)
                  .append('\n');
            });
    return out.toString();
  }
}
