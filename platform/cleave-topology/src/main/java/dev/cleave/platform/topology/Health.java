package dev.cleave.platform.topology;

import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * What a server's readiness says about its place in the shape: whether it is ready, the modules it
 * hosts (one readiness check {@code <module>-database} each) and the state of the circuits in front
 * of each module it calls (the check {@code downstream}'s {@code <module>.circuit}).
 *
 * @param ready every readiness check is UP
 * @param modules the hosted modules, sorted
 * @param circuits by called module: {@code closed}, {@code half-open}, {@code open} (or {@code
 *     unknown})
 */
public record Health(boolean ready, List<String> modules, Map<String, String> circuits) {

  private static final String DATABASE = "-database";
  private static final String CIRCUIT = ".circuit";

  public Health {
    modules = List.copyOf(modules);
    circuits = Map.copyOf(circuits);
  }

  /** One readiness check: its name, whether it is UP, its data as texts. */
  public record Check(String name, boolean up, Map<String, String> data) {}

  public static Health of(List<Check> checks) {
    boolean ready = !checks.isEmpty();
    TreeSet<String> modules = new TreeSet<>();
    Map<String, String> circuits = new TreeMap<>();
    for (Check check : checks) {
      ready &= check.up();
      if (check.name().endsWith(DATABASE)) {
        modules.add(check.name().substring(0, check.name().length() - DATABASE.length()));
      }
      if (check.name().equals("downstream")) {
        check
            .data()
            .forEach(
                (key, value) -> {
                  if (key.endsWith(CIRCUIT)) {
                    circuits.put(key.substring(0, key.length() - CIRCUIT.length()), value);
                  }
                });
      }
    }
    return new Health(ready, new ArrayList<>(modules), circuits);
  }

  /** From MicroProfile Health's JSON ({@code {"status": ..., "checks": [...]}}). */
  public static Health of(JsonObject health) {
    List<Check> checks = new ArrayList<>();
    for (JsonValue value : health.getJsonArray("checks")) {
      JsonObject check = value.asJsonObject();
      Map<String, String> data = new LinkedHashMap<>();
      JsonObject fields = check.getJsonObject("data");
      if (fields != null) {
        fields.forEach(
            (key, field) ->
                data.put(
                    key, field instanceof JsonString text ? text.getString() : field.toString()));
      }
      checks.add(
          new Check(check.getString("name", ""), "UP".equals(check.getString("status", "")), data));
    }
    return of(checks);
  }
}
