package dev.cleave.k8s;

import dev.cleave.launcher.DatabaseSettings;
import dev.cleave.launcher.Topology;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;

/**
 * What an overlay must say about its shape, read from the shapes' one declaration ({@link
 * Topology}): which servers and databases run, on which ports, probed where, wired to which
 * addresses, holding which keys, and reachable by whom. Each rule names what it found and what the
 * declaration says, so a manifest cannot drift from the launcher unnoticed.
 */
final class ShapeRules {

  static final String NAME = "app.kubernetes.io/name";

  /** Variables that wire a server to the others: exactly {@link Topology#wiring}'s. */
  private static final Pattern WIRING =
      Pattern.compile(
          "CLEAVE_GATEWAY_UPSTREAM_.*|CLEAVE_(USER|PRODUCT|PAYMENT|ORDER)_URL|CLEAVE_SERVICE_NAME"
              + "|CLEAVE_HTTP_TRUSTED_PROXIES|CLEAVE_GATEWAY_TRUSTED_PROXIES");

  private final Topology topology;
  private final Rendered rendered;
  private final List<String> problems = new ArrayList<>();

  private ShapeRules(Topology topology, Rendered rendered) {
    this.topology = topology;
    this.rendered = rendered;
  }

  /** Every way the rendered objects disagree with the shape; empty if none. */
  static List<String> problems(Topology topology, List<JsonNode> objects) {
    ShapeRules rules = new ShapeRules(topology, new Rendered(objects));
    rules.check();
    return rules.problems;
  }

  /**
   * The database's server in the cluster: {@code cleave_payment} runs as postgres-cleave-payment.
   */
  static String databaseService(String database) {
    return "postgres-" + database.replace('_', '-');
  }

  /** The Secret holding a database's password. */
  static String databaseSecret(String database) {
    return "cleave-db-" + database.replace('_', '-');
  }

  private void check() {
    expectSame(
        "Deployments",
        names("Deployment"),
        topology.nodes().stream().map(Topology.Node::server).toList());
    expectSame(
        "StatefulSets",
        names("StatefulSet"),
        topology.databases().stream().map(ShapeRules::databaseService).toList());
    expectSame("NetworkPolicy default-deny-ingress", names("NetworkPolicy"), null);
    String podNetwork =
        rendered.all("ConfigMap").stream()
            .filter(c -> Rendered.name(c).startsWith("cleave-cluster"))
            .map(c -> c.path("data").path("POD_NETWORK").asString(""))
            .findFirst()
            .orElse("");
    if (podNetwork.isEmpty()) {
      problems.add("no ConfigMap cleave-cluster with POD_NETWORK");
    }
    for (Topology.Node node : topology.nodes()) {
      rendered
          .find("Deployment", node.server())
          .ifPresent(deployment -> server(node, deployment, podNetwork));
    }
    for (String database : topology.databases()) {
      rendered
          .find("StatefulSet", databaseService(database))
          .ifPresent(statefulSet -> database(database, statefulSet));
    }
    ingress();
  }

  private void server(Topology.Node node, JsonNode deployment, String podNetwork) {
    String where = "Deployment " + node.server();
    int port = node.port();
    JsonNode container = Rendered.container(deployment);
    JsonNode podLabels = deployment.path("spec").path("template").path("metadata").path("labels");
    if (!podLabels.path(NAME).asString("").equals(node.server())) {
      problems.add(where + ": pods are not labelled " + NAME + "=" + node.server());
    }
    if (!container.path("image").asString("").startsWith("cleave/" + node.server() + ":")) {
      problems.add(
          where + ": image " + container.path("image") + " is not cleave/" + node.server());
    }
    int declared = -1;
    for (JsonNode p : container.path("ports")) {
      if (p.path("name").asString("").equals("http")) {
        declared = p.path("containerPort").asInt();
      }
    }
    if (declared != port) {
      problems.add(where + ": container port http is " + declared + ", the shape says " + port);
    }
    Map<String, String> env = rendered.environment(container);
    expectEnv(where, env, "CLEAVE_HTTP_PORT", String.valueOf(port));
    expectEnv(where, env, "CLEAVE_HTTP_HOST", "*");
    probe(where, container, "startupProbe", "/health/started", port);
    probe(where, container, "livenessProbe", "/health/live", port);
    // The gateway's /health/ready asks every upstream: as its readiness it would take the front
    // door out of its Service whenever one service is down.
    probe(
        where,
        container,
        "readinessProbe",
        node.isGateway() ? "/health/started" : "/health/ready",
        port);
    resources(where, container);

    Map<String, String> wiring = new LinkedHashMap<>();
    wiring.putAll(
        topology.wiring(
            node,
            server ->
                URI.create(
                    "http://"
                        + (node.isGateway() ? server + "-headless" : server)
                        + ":"
                        + topology.node(server).orElseThrow().port()),
            podNetwork));
    // The front door believes the Ingress controller's X-Forwarded-For: a fact of the cluster, not
    // of the shape, so Topology does not wire it.
    if (node.front()) {
      wiring.put(
          node.isGateway() ? "CLEAVE_GATEWAY_TRUSTED_PROXIES" : "CLEAVE_HTTP_TRUSTED_PROXIES",
          podNetwork);
    }
    wiring.forEach((name, value) -> expectEnv(where, env, name, value));
    env.keySet().stream()
        .filter(name -> WIRING.matcher(name).matches() && !wiring.containsKey(name))
        .forEach(name -> problems.add(where + ": " + name + " is set but the shape wires no such"));

    if (!node.isGateway()) {
      // The variables the launcher gives a server for its database, with the cluster's values.
      new DatabaseSettings(
              databaseService(node.database()),
              5432,
              node.database(),
              "cleave",
              "secret:" + databaseSecret(node.database()) + "/password")
          .toEnvironment()
          .forEach((name, value) -> expectEnv(where, env, name, value));
    }
    keys(node, deployment, env);
    services(node, podLabels);
    reachableFrom(node.server(), port, node.front() ? null : callersOf(node.server()));
    scaling(node.server());
  }

  private void keys(Topology.Node node, JsonNode deployment, Map<String, String> env) {
    String where = "Deployment " + node.server();
    mounted(where, deployment, env, "CLEAVE_JWT_PUBLIC_KEY_LOCATION", "cleave-token-keys");
    mounted(where, deployment, env, "CLEAVE_JWT_SERVICE_KEYS_LOCATION", "cleave-token-keys");
    List<String> secrets = Rendered.mountedSecrets(deployment);
    if (node.modules().contains("user")) {
      mounted(where, deployment, env, "CLEAVE_JWT_PRIVATE_KEY_LOCATION", "cleave-user-signing-key");
    } else if (secrets.contains("cleave-user-signing-key")
        || env.containsKey("CLEAVE_JWT_PRIVATE_KEY_LOCATION")) {
      problems.add(where + ": holds the user module's signing key without the user module");
    }
    String own = "cleave-service-key-" + node.server();
    if (node.callsServices()) {
      mounted(where, deployment, env, "CLEAVE_SERVICE_PRIVATE_KEY_LOCATION", own);
    }
    secrets.stream()
        .filter(
            s -> s.startsWith("cleave-service-key-") && (!s.equals(own) || !node.callsServices()))
        .forEach(s -> problems.add(where + ": mounts " + s + ", a key it does not sign with"));
  }

  private void mounted(
      String where, JsonNode workload, Map<String, String> env, String variable, String secret) {
    String file = env.get(variable);
    if (file == null) {
      problems.add(where + ": " + variable + " is not set");
      return;
    }
    Optional<String> found = Rendered.secretMountedFor(workload, file);
    if (!found.equals(Optional.of(secret))) {
      problems.add(
          where
              + ": "
              + variable
              + "="
              + file
              + " is not in a mount of Secret "
              + secret
              + " ("
              + found.orElse("no Secret")
              + ")");
    }
  }

  private void services(Topology.Node node, JsonNode podLabels) {
    List<String> names = new ArrayList<>(List.of(node.server()));
    if (!node.front()) {
      names.add(node.server() + "-headless");
    }
    for (String name : names) {
      Optional<JsonNode> service = rendered.find("Service", name);
      if (service.isEmpty()) {
        problems.add("no Service " + name);
        continue;
      }
      JsonNode spec = service.get().path("spec");
      spec.path("selector")
          .properties()
          .forEach(
              label -> {
                if (!podLabels
                    .path(label.getKey())
                    .asString("")
                    .equals(label.getValue().asString())) {
                  problems.add("Service " + name + ": selects " + label + ", which the pods lack");
                }
              });
      JsonNode first = spec.path("ports").path(0);
      if (!text(first.path("port")).equals(String.valueOf(node.port()))
          || !Set.of("http", String.valueOf(node.port()))
              .contains(text(first.path("targetPort")))) {
        problems.add("Service " + name + ": port " + first + ", the shape says " + node.port());
      }
      if (name.endsWith("-headless") != spec.path("clusterIP").asString("").equals("None")) {
        problems.add("Service " + name + ": clusterIP " + spec.path("clusterIP"));
      }
    }
  }

  private void database(String database, JsonNode statefulSet) {
    String where = "StatefulSet " + databaseService(database);
    JsonNode container = Rendered.container(statefulSet);
    Map<String, String> env = rendered.environment(container);
    expectEnv(where, env, "POSTGRES_DB", database);
    String passwordFile = env.getOrDefault("POSTGRES_PASSWORD_FILE", "");
    if (!Rendered.secretMountedFor(statefulSet, passwordFile)
        .equals(Optional.of(databaseSecret(database)))) {
      problems.add(where + ": its password is not the Secret " + databaseSecret(database));
    }
    resources(where, container);
    if (rendered.find("Service", databaseService(database)).isEmpty()) {
      problems.add("no Service " + databaseService(database));
    }
    reachableFrom(
        databaseService(database),
        5432,
        new TreeSet<>(
            topology.nodes().stream()
                .filter(n -> database.equals(n.database()))
                .map(Topology.Node::server)
                .toList()));
  }

  /**
   * Who calls a server: the gateway (public paths) and each node whose remote bindings point at it.
   */
  private Set<String> callersOf(String server) {
    Set<String> callers = new TreeSet<>(Set.of("gateway"));
    topology.nodes().stream()
        .filter(n -> n.remote().containsValue(server))
        .forEach(n -> callers.add(n.server()));
    return callers;
  }

  /**
   * The NetworkPolicies that select a pod admit exactly {@code peers} on {@code port} (or anyone,
   * when {@code peers} is null: a front door).
   */
  private void reachableFrom(String pod, int port, Set<String> peers) {
    String where = "pods " + pod;
    Set<String> admitted = new TreeSet<>();
    boolean open = false;
    boolean selected = false;
    for (JsonNode policy : rendered.all("NetworkPolicy")) {
      JsonNode selector = policy.path("spec").path("podSelector").path("matchLabels");
      if (!selector.path(NAME).asString("").equals(pod)) {
        continue;
      }
      selected = true;
      for (JsonNode rule : policy.path("spec").path("ingress")) {
        boolean onPort = !rule.has("ports");
        for (JsonNode p : rule.path("ports")) {
          onPort |= text(p.path("port")).equals(String.valueOf(port));
        }
        if (!onPort) {
          continue;
        }
        if (!rule.has("from") || rule.path("from").isEmpty()) {
          open = true;
        }
        for (JsonNode from : rule.path("from")) {
          String peer = from.path("podSelector").path("matchLabels").path(NAME).asString("");
          admitted.add(peer.isEmpty() ? "(not a pod of this namespace: " + from + ")" : peer);
        }
      }
    }
    if (!selected) {
      problems.add(where + ": no NetworkPolicy admits anything to them");
    } else if (peers == null && !open) {
      problems.add(where + ": the front door is not open on port " + port);
    } else if (peers != null && (open || !admitted.equals(peers))) {
      problems.add(
          where
              + ": port "
              + port
              + " admits "
              + (open ? "anyone" : admitted)
              + ", the shape says "
              + peers);
    }
  }

  private void ingress() {
    List<JsonNode> ingresses = rendered.all("Ingress");
    String front = topology.front().server();
    boolean routed =
        ingresses.stream()
            .flatMap(i -> i.path("spec").path("rules").valueStream())
            .flatMap(r -> r.path("http").path("paths").valueStream())
            .map(p -> p.path("backend").path("service"))
            .allMatch(s -> s.path("name").asString("").equals(front));
    if (ingresses.size() != 1 || !routed) {
      problems.add("the Ingress must send everything to the front door " + front);
    }
  }

  private void scaling(String server) {
    boolean scaled =
        rendered.all("HorizontalPodAutoscaler").stream()
            .anyMatch(
                h ->
                    h.path("spec").path("scaleTargetRef").path("name").asString("").equals(server));
    boolean budget =
        rendered.all("PodDisruptionBudget").stream()
            .anyMatch(
                p ->
                    p.path("spec")
                        .path("selector")
                        .path("matchLabels")
                        .path(NAME)
                        .asString("")
                        .equals(server));
    if (!scaled || !budget) {
      problems.add(
          "Deployment "
              + server
              + ": no "
              + (scaled ? "PodDisruptionBudget" : "HorizontalPodAutoscaler"));
    }
  }

  private void probe(String where, JsonNode container, String probe, String path, int port) {
    JsonNode get = container.path(probe).path("httpGet");
    String actualPort = text(get.path("port"));
    if (!get.path("path").asString("").equals(path)
        || !(actualPort.equals("http") || actualPort.equals(String.valueOf(port)))) {
      problems.add(
          where
              + ": "
              + probe
              + " asks "
              + get.path("path")
              + " on port "
              + actualPort
              + ", it must ask "
              + path
              + " on "
              + port);
    }
  }

  private void resources(String where, JsonNode container) {
    JsonNode resources = container.path("resources");
    for (String required : List.of("requests.cpu", "requests.memory", "limits.memory")) {
      String[] at = required.split("\\.");
      if (resources.path(at[0]).path(at[1]).isMissingNode()) {
        problems.add(where + ": no resources." + required);
      }
    }
  }

  private void expectEnv(String where, Map<String, String> env, String name, String value) {
    if (!value.equals(env.get(name))) {
      problems.add(where + ": " + name + " is " + env.get(name) + ", the shape says " + value);
    }
  }

  /** A port (or any scalar) as text: {@code 9080} and {@code http} alike. */
  private static String text(JsonNode value) {
    return value.isNumber() ? String.valueOf(value.asInt()) : value.asString("");
  }

  private List<String> names(String kind) {
    return rendered.all(kind).stream().map(Rendered::name).toList();
  }

  /** The names found are exactly the expected ones; with {@code expected} null, only present. */
  private void expectSame(String what, List<String> found, List<String> expected) {
    if (expected == null) {
      String name = what.substring(what.indexOf(' ') + 1);
      if (!found.contains(name)) {
        problems.add("no " + what);
      }
    } else if (!new TreeSet<>(found).equals(new TreeSet<>(expected))) {
      problems.add(
          what + " " + new TreeSet<>(found) + ", the shape has " + new TreeSet<>(expected));
    }
  }
}
