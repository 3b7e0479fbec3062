package dev.cleave.bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Module-call latency from a server's Prometheus text ({@code cleave_module_calls_seconds}, tagged
 * caller, callee, binding, operation, outcome): the mean per callee and binding over an interval,
 * from the difference of the timer's {@code _count} and {@code _sum} between two scrapes.
 */
final class ModuleCallStats {

  private static final Pattern SAMPLE =
      Pattern.compile("^cleave_module_calls_seconds_(count|sum)\\{([^}]*)\\}\\s+(\\S+)");
  private static final Pattern LABEL = Pattern.compile("(\\w+)=\"((?:[^\"\\\\]|\\\\.)*)\"");

  /** Calls and mean latency of one callee over one binding. */
  record Calls(String callee, String binding, long count, double meanMs) {
    String json() {
      return String.format(
          Locale.ROOT,
          "{\"callee\":\"%s\",\"binding\":\"%s\",\"count\":%d,\"meanMs\":%.3f}",
          callee,
          binding,
          count,
          meanMs);
    }
  }

  private ModuleCallStats() {}

  /** Per {@code callee/binding}: [count, sum seconds], successful calls only. */
  static Map<String, double[]> scrape(String prometheus) {
    Map<String, double[]> totals = new TreeMap<>();
    for (String line : prometheus.split("\n")) {
      Matcher sample = SAMPLE.matcher(line);
      if (!sample.find()) {
        continue;
      }
      Map<String, String> labels = new LinkedHashMap<>();
      Matcher label = LABEL.matcher(sample.group(2));
      while (label.find()) {
        labels.put(label.group(1), label.group(2));
      }
      if (!"ok".equals(labels.get("outcome"))) {
        continue;
      }
      double[] total =
          totals.computeIfAbsent(
              labels.get("callee") + "/" + labels.get("binding"), k -> new double[2]);
      total[sample.group(1).equals("count") ? 0 : 1] += Double.parseDouble(sample.group(3));
    }
    return totals;
  }

  /** The calls between two scrapes. */
  static List<Calls> between(Map<String, double[]> before, Map<String, double[]> after) {
    List<Calls> calls = new ArrayList<>();
    after.forEach(
        (key, total) -> {
          double[] earlier = before.getOrDefault(key, new double[2]);
          long count = Math.round(total[0] - earlier[0]);
          if (count > 0) {
            String[] parts = key.split("/", 2);
            calls.add(new Calls(parts[0], parts[1], count, (total[1] - earlier[1]) * 1000 / count));
          }
        });
    return calls;
  }
}
