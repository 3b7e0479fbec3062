package dev.cleave.platform.topology;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The module calls in a server's Prometheus text ({@code GET /metrics?scope=application}): the
 * summary {@code cleave_module_calls_seconds}, one series per caller, callee, binding, operation
 * and outcome, with its {@code _count} and its {@code quantile="0.5"} and {@code "0.99"} lines.
 * Other metrics, comments and lines it cannot read are skipped: a server publishing more (or a
 * newer format's extras) does not break the view.
 */
public final class PrometheusCalls {

  static final String NAME = "cleave_module_calls_seconds";

  private PrometheusCalls() {}

  private record Series(
      String caller, String callee, String binding, String operation, String outcome) {}

  private static final class Values {
    long count;
    Double p50;
    Double p99;
  }

  public static List<ModuleCallSample> parse(String from, String text) {
    Map<Series, Values> series = new LinkedHashMap<>();
    for (String line : text.split("\n")) {
      if (!line.startsWith(NAME)) {
        continue;
      }
      int open = line.indexOf('{');
      int close = line.lastIndexOf('}');
      if (open < 0 || close < open) {
        continue;
      }
      String metric = line.substring(0, open);
      Optional<Map<String, String>> labels = labels(line.substring(open + 1, close));
      Double value = number(line.substring(close + 1).strip());
      if (labels.isEmpty() || value == null) {
        continue;
      }
      Map<String, String> tags = labels.get();
      Series key =
          new Series(
              tags.get("caller"),
              tags.get("callee"),
              tags.get("binding"),
              tags.get("operation"),
              tags.get("outcome"));
      if (key.caller() == null
          || key.callee() == null
          || key.binding() == null
          || key.operation() == null
          || key.outcome() == null) {
        continue;
      }
      Values values = series.computeIfAbsent(key, k -> new Values());
      if (metric.equals(NAME + "_count")) {
        values.count = (long) value.doubleValue();
      } else if (metric.equals(NAME) && "0.5".equals(tags.get("quantile"))) {
        values.p50 = value;
      } else if (metric.equals(NAME) && "0.99".equals(tags.get("quantile"))) {
        values.p99 = value;
      }
    }
    List<ModuleCallSample> samples = new ArrayList<>();
    series.forEach(
        (key, values) ->
            samples.add(
                new ModuleCallSample(
                    from,
                    key.caller(),
                    key.callee(),
                    key.binding(),
                    key.operation(),
                    key.outcome(),
                    values.count,
                    values.p50,
                    values.p99)));
    return samples;
  }

  /** {@code a="x",b="y\"z",} as a map; empty when the text is not such a list. */
  static Optional<Map<String, String>> labels(String text) {
    Map<String, String> labels = new HashMap<>();
    int i = 0;
    while (i < text.length()) {
      if (text.charAt(i) == ',' || text.charAt(i) == ' ') {
        i++;
        continue;
      }
      int equals = text.indexOf('=', i);
      if (equals < 0 || equals + 1 >= text.length() || text.charAt(equals + 1) != '"') {
        return Optional.empty();
      }
      String name = text.substring(i, equals).strip();
      StringBuilder value = new StringBuilder();
      int j = equals + 2;
      boolean closed = false;
      while (j < text.length()) {
        char c = text.charAt(j);
        if (c == '\\' && j + 1 < text.length()) {
          char next = text.charAt(j + 1);
          value.append(next == 'n' ? '\n' : next);
          j += 2;
        } else if (c == '"') {
          closed = true;
          j++;
          break;
        } else {
          value.append(c);
          j++;
        }
      }
      if (!closed) {
        return Optional.empty();
      }
      labels.put(name, value.toString());
      i = j;
    }
    return Optional.of(labels);
  }

  private static Double number(String text) {
    int space = text.indexOf(' ');
    String value = space < 0 ? text : text.substring(0, space);
    try {
      double parsed = Double.parseDouble(value);
      return Double.isFinite(parsed) ? parsed : null;
    } catch (NumberFormatException e) {
      return null;
    }
  }
}
