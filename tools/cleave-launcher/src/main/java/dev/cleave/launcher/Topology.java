package dev.cleave.launcher;

import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.ToIntFunction;

/**
 * Which servers make up a shape of Cleave, on which ports, with which database and which remote
 * bindings (README "Modes"):
 *
 * <ul>
 *   <li>{@code monolith}: one server with every module, on the front port (9080);
 *   <li>{@code split}: the gateway on the front port and {@code user-service} 9081, {@code
 *       product-service} 9082, {@code order-service} 9083, {@code payment-service} 9084, each with
 *       a database of its own;
 *   <li>{@code extract:MODULE} ({@code payment} or {@code product}): the gateway on the front port,
 *       the monolith with that module's client instead of its core ({@code
 *       monolith-extract-MODULE}) on 9085, and that module's service on its split port.
 * </ul>
 *
 * The gateway keeps one upstream per module, so extracting a module just points its upstream at the
 * service instead of the monolith.
 *
 * <p>This is the one declaration of the modules, of who calls whom and of the shapes: the
 * architecture tests read the call graph from {@link #CALLS}, {@code DeployablesTest} checks every
 * built WAR against its {@link #deployables() node} (the cores and clients it packages), and the
 * launcher starts and wires the servers from it. Adding a shape is one entry here plus its
 * deployable POM (docs/split.md, "Adding a shape").
 */
public record Topology(String name, List<Node> nodes) {

  /** The modules, in start-up order of their services. */
  public static final List<String> MODULES = List.of("user", "product", "payment", "order");

  /**
   * The modules each module calls through another module's API (checkout calls the other three); a
   * module not named calls none. The architecture rules allow exactly these dependencies.
   */
  public static final Map<String, Set<String>> CALLS =
      Map.of("order", Set.of("user", "product", "payment"));

  /** The modules that have a monolith deployable with their client instead of their core. */
  public static final List<String> EXTRACTABLE = List.of("payment", "product");

  /** Every shape, by the name {@link #of} takes. */
  public static final List<String> SHAPES = shapes();

  private static List<String> shapes() {
    List<String> shapes = new ArrayList<>(List.of("monolith", "split"));
    EXTRACTABLE.forEach(module -> shapes.add("extract:" + module));
    return List.copyOf(shapes);
  }

  /** Fixed ports of the local system ({@code monolith} is the monolith behind the gateway). */
  public static final Map<String, Integer> DEFAULT_PORTS =
      Map.of(
          "front",
          9080,
          "user-service",
          9081,
          "product-service",
          9082,
          "order-service",
          9083,
          "payment-service",
          9084,
          "monolith",
          9085);

  /**
   * One server of the shape.
   *
   * @param server the Liberty server name
   * @param modules the modules whose core it holds
   * @param remote the modules it calls remotely, with the server that serves each
   * @param database the database name of its modules (null for the gateway)
   * @param front whether clients talk to it (the gateway, or the lone monolith)
   */
  public record Node(
      String server,
      int port,
      Set<String> modules,
      Map<String, String> remote,
      String database,
      boolean front) {

    public boolean isGateway() {
      return server.equals("gateway");
    }

    /** Whether this server calls other services and so needs a service identity of its own. */
    public boolean callsServices() {
      return !isGateway() && !remote.isEmpty();
    }
  }

  /**
   * A shape by name ({@code monolith}, {@code split}, {@code extract:payment}, ...).
   *
   * @param databaseBase the monolith's database name; a service's is {@code <base>_<module>}
   * @param ports the port of each server name ({@code "front"} for the gateway or the lone
   *     monolith)
   */
  public static Topology of(String name, String databaseBase, ToIntFunction<String> ports) {
    if (name.equals("monolith")) {
      return new Topology(
          name,
          List.of(
              new Node(
                  "monolith",
                  ports.applyAsInt("front"),
                  Set.copyOf(MODULES),
                  Map.of(),
                  databaseBase,
                  true)));
    }
    Set<String> extracted;
    if (name.equals("split")) {
      extracted = Set.copyOf(MODULES);
    } else if (name.startsWith("extract:")
        && EXTRACTABLE.contains(name.substring("extract:".length()))) {
      extracted = Set.of(name.substring("extract:".length()));
    } else {
      throw new IllegalArgumentException(
          "unknown topology '"
              + name
              + "': monolith, split or extract:"
              + String.join("|", EXTRACTABLE));
    }
    List<Node> nodes = new ArrayList<>();
    String monolith =
        extracted.size() == 1 ? "monolith-extract-" + extracted.iterator().next() : null;
    Map<String, String> servedBy = new LinkedHashMap<>();
    for (String module : MODULES) {
      servedBy.put(module, extracted.contains(module) ? module + "-service" : monolith);
    }
    if (monolith != null) {
      Set<String> inMonolith = new LinkedHashSet<>(MODULES);
      inMonolith.removeAll(extracted);
      nodes.add(
          new Node(
              monolith,
              ports.applyAsInt("monolith"),
              Set.copyOf(inMonolith),
              remoteCalls(inMonolith, servedBy),
              databaseBase,
              false));
    }
    for (String module : MODULES) {
      if (extracted.contains(module)) {
        nodes.add(
            new Node(
                module + "-service",
                ports.applyAsInt(module + "-service"),
                Set.of(module),
                remoteCalls(Set.of(module), servedBy),
                databaseBase + "_" + module,
                false));
      }
    }
    nodes.add(new Node("gateway", ports.applyAsInt("front"), Set.of(), servedBy, null, true));
    return new Topology(name, List.copyOf(nodes));
  }

  private static Map<String, String> remoteCalls(Set<String> held, Map<String, String> servedBy) {
    Map<String, String> remote = new LinkedHashMap<>();
    for (String module : held) {
      for (String callee : CALLS.getOrDefault(module, Set.of())) {
        if (!held.contains(callee)) {
          remote.put(callee, servedBy.get(callee));
        }
      }
    }
    return remote;
  }

  /**
   * Every server of every shape, by name, as the default ports place them: what each deployable
   * must hold (its {@link Node#modules() cores}) and call (its {@link Node#remote() clients}). A
   * server in several shapes (payment-service in split and in extract:payment) is the same WAR, so
   * it must hold and call the same in each.
   *
   * @throws IllegalStateException if a server would differ between two shapes
   */
  public static Map<String, Node> deployables() {
    Map<String, Node> servers = new LinkedHashMap<>();
    for (String shape : SHAPES) {
      for (Node node : of(shape, "cleave", DEFAULT_PORTS::get).nodes()) {
        Node earlier = servers.putIfAbsent(node.server(), node);
        if (earlier != null
            && !(earlier.modules().equals(node.modules())
                && earlier.remote().keySet().equals(node.remote().keySet()))) {
          throw new IllegalStateException(
              node.server() + " would hold or call different modules in " + shape);
        }
      }
    }
    return Map.copyOf(servers);
  }

  /**
   * The variables that wire one server of this shape to the others, as its configuration reads
   * them: the gateway gets one upstream per module ({@code CLEAVE_GATEWAY_UPSTREAM_<MODULE>}); a
   * server that calls modules remotely gets its service name ({@code CLEAVE_SERVICE_NAME}) and
   * where each callee is served ({@code CLEAVE_<MODULE>_URL}); a server behind the gateway trusts
   * the gateway's {@code X-Forwarded-For} ({@code CLEAVE_HTTP_TRUSTED_PROXIES}). Keys, databases
   * and settings belong to the running system, not to the shape ({@link LocalDeployment}).
   *
   * @param address where a server of this shape answers, by server name: {@code
   *     http://localhost:<port>} on one machine, a Service's DNS name in a cluster
   * @param gatewayAddresses the addresses the gateway's requests come from, as the servers behind
   *     it see them (comma-separated addresses or CIDR ranges)
   */
  public Map<String, String> wiring(
      Node node, Function<String, URI> address, String gatewayAddresses) {
    Map<String, String> wiring = new LinkedHashMap<>();
    if (node.isGateway()) {
      node.remote()
          .forEach(
              (module, server) ->
                  wiring.put(
                      "CLEAVE_GATEWAY_UPSTREAM_" + module.toUpperCase(Locale.ROOT),
                      address.apply(server).toString()));
      return wiring;
    }
    if (front().isGateway()) {
      wiring.put("CLEAVE_HTTP_TRUSTED_PROXIES", gatewayAddresses);
    }
    if (node.callsServices()) {
      wiring.put("CLEAVE_SERVICE_NAME", node.server());
      node.remote()
          .forEach(
              (module, server) ->
                  wiring.put(
                      "CLEAVE_" + module.toUpperCase(Locale.ROOT) + "_URL",
                      address.apply(server).toString()));
    }
    return wiring;
  }

  /** The server clients talk to. */
  public Node front() {
    return nodes.stream().filter(Node::front).findFirst().orElseThrow();
  }

  /** The server holding a module's core. */
  public Node holderOf(String module) {
    return nodes.stream().filter(n -> n.modules().contains(module)).findFirst().orElseThrow();
  }

  public Optional<Node> node(String server) {
    return nodes.stream().filter(n -> n.server().equals(server)).findFirst();
  }

  /** Every database the shape uses. */
  public List<String> databases() {
    return nodes.stream().map(Node::database).filter(Objects::nonNull).distinct().toList();
  }
}
