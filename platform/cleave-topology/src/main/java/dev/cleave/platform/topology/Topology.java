package dev.cleave.platform.topology;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The running shape, as the front door sees it now: its deployables and the module calls they have
 * made since they started.
 *
 * <p>The calls are the timers' own figures, summed over the outcomes and the instances of a
 * deployable: {@code count} every call, {@code failed} those that got no usable answer ({@code
 * unavailable} or {@code error}), {@code refused} those the callee refused as a business answer.
 * {@code p50Seconds} and {@code p99Seconds} are the highest median and 99th percentile among those
 * series (an upper bound: percentiles do not add up). Rates are the reader's to take, from two
 * documents' counts and {@code generatedAt}.
 *
 * @param shape {@code monolith}, {@code split} or {@code extract:<modules>} (what is extracted)
 * @param generatedAt when the front door gathered it
 * @param deployables the front door first, then by name
 * @param calls by deployable, caller, callee and operation
 */
public record Topology(
    String shape, Instant generatedAt, List<Deployable> deployables, List<Call> calls) {

  public Topology {
    deployables = List.copyOf(deployables);
    calls = List.copyOf(calls);
  }

  /** A deployable's state: every instance ready, none, or none even answering. */
  public enum State {
    UP,
    DOWN,
    UNREACHABLE
  }

  /**
   * One instance of a deployable.
   *
   * @param url where the front door reaches it ({@code null} for the front door itself)
   * @param state its own state
   * @param answer what its readiness probe answered ({@code HTTP 200}, {@code ConnectException},
   *     ...)
   */
  public record Instance(String url, State state, String answer) {}

  /**
   * A process kind of the shape.
   *
   * @param name {@code monolith}, {@code gateway}, {@code <module>-service}
   * @param frontDoor whether it is the shape's front door
   * @param modules the modules it hosts
   * @param state UP when one instance is ready, DOWN when one answers, else UNREACHABLE
   * @param instances its instances
   * @param circuits by called module, the worst circuit state of its instances
   */
  public record Deployable(
      String name,
      boolean frontDoor,
      List<String> modules,
      State state,
      List<Instance> instances,
      Map<String, String> circuits) {

    public Deployable {
      modules = List.copyOf(modules);
      instances = List.copyOf(instances);
      circuits = Map.copyOf(circuits);
    }
  }

  /** The calls of one operation from one deployable's caller module to a callee module. */
  public record Call(
      String from,
      String caller,
      String callee,
      String binding,
      String operation,
      long count,
      long failed,
      long refused,
      Double p50Seconds,
      Double p99Seconds) {}

  /** The calls of the samples, one per deployable, caller, callee, binding and operation. */
  public static List<Call> calls(List<ModuleCallSample> samples) {
    record Key(String from, String caller, String callee, String binding, String operation) {}
    Map<Key, List<ModuleCallSample>> grouped =
        new TreeMap<>(
            Comparator.comparing(Key::from)
                .thenComparing(Key::caller)
                .thenComparing(Key::callee)
                .thenComparing(Key::operation)
                .thenComparing(Key::binding));
    for (ModuleCallSample sample : samples) {
      grouped
          .computeIfAbsent(
              new Key(
                  sample.from(),
                  sample.caller(),
                  sample.callee(),
                  sample.binding(),
                  sample.operation()),
              key -> new ArrayList<>())
          .add(sample);
    }
    List<Call> calls = new ArrayList<>();
    grouped.forEach(
        (key, series) -> {
          long count = 0;
          long failed = 0;
          long refused = 0;
          Double p50 = null;
          Double p99 = null;
          for (ModuleCallSample sample : series) {
            count += sample.count();
            if (sample.failed()) {
              failed += sample.count();
            } else if (sample.outcome().equals("refused")) {
              refused += sample.count();
            }
            if (sample.count() > 0) {
              p50 = max(p50, sample.p50Seconds());
              p99 = max(p99, sample.p99Seconds());
            }
          }
          calls.add(
              new Call(
                  key.from(),
                  key.caller(),
                  key.callee(),
                  key.binding(),
                  key.operation(),
                  count,
                  failed,
                  refused,
                  p50,
                  p99));
        });
    return calls;
  }

  private static Double max(Double a, Double b) {
    if (a == null) {
      return b;
    }
    return b == null ? a : Math.max(a, b);
  }

  /**
   * The shape's name from its deployables: one hosting every module is the monolith; every module
   * in its own service is the split; otherwise the modules in services of their own are extracted.
   */
  public static String shapeOf(List<Deployable> deployables) {
    TreeSet<String> alone = new TreeSet<>();
    int hosting = 0;
    for (Deployable deployable : deployables) {
      if (!deployable.modules().isEmpty()) {
        hosting++;
      }
      if (deployable.modules().size() == 1) {
        alone.addAll(deployable.modules());
      }
    }
    if (hosting == 1) {
      return "monolith";
    }
    if (alone.size() == hosting) {
      return "split";
    }
    return "extract:" + String.join(",", alone);
  }

  public JsonObject toJson() {
    JsonArrayBuilder boxes = Json.createArrayBuilder();
    for (Deployable deployable : deployables) {
      JsonArrayBuilder instances = Json.createArrayBuilder();
      for (Instance instance : deployable.instances()) {
        JsonObjectBuilder item = Json.createObjectBuilder();
        if (instance.url() == null) {
          item.addNull("url");
        } else {
          item.add("url", instance.url());
        }
        instances.add(item.add("state", instance.state().name()).add("answer", instance.answer()));
      }
      JsonObjectBuilder circuits = Json.createObjectBuilder();
      new TreeMap<>(deployable.circuits()).forEach(circuits::add);
      boxes.add(
          Json.createObjectBuilder()
              .add("name", deployable.name())
              .add("frontDoor", deployable.frontDoor())
              .add("modules", Json.createArrayBuilder(deployable.modules()))
              .add("state", deployable.state().name())
              .add("instances", instances)
              .add("circuits", circuits));
    }
    JsonArrayBuilder edges = Json.createArrayBuilder();
    for (Call call : calls) {
      JsonObjectBuilder edge =
          Json.createObjectBuilder()
              .add("from", call.from())
              .add("caller", call.caller())
              .add("callee", call.callee())
              .add("binding", call.binding())
              .add("operation", call.operation())
              .add("count", call.count())
              .add("failed", call.failed())
              .add("refused", call.refused());
      seconds(edge, "p50Seconds", call.p50Seconds());
      seconds(edge, "p99Seconds", call.p99Seconds());
      edges.add(edge);
    }
    return Json.createObjectBuilder()
        .add("shape", shape)
        .add("generatedAt", generatedAt.toString())
        .add("deployables", boxes)
        .add("calls", edges)
        .build();
  }

  private static void seconds(JsonObjectBuilder edge, String name, Double value) {
    if (value == null) {
      edge.addNull(name);
    } else {
      edge.add(name, value);
    }
  }
}
