package dev.cleave.gateway;

import dev.cleave.platform.topology.Health;
import dev.cleave.platform.topology.ModuleCallSample;
import dev.cleave.platform.topology.PrometheusCalls;
import dev.cleave.platform.topology.Topology;
import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * {@code GET /api/v1/topology} at the gateway: the shape behind it, in the form the monolith
 * answers that path with ({@link Topology}), gathered from what every upstream instance already
 * publishes: {@code /health/ready} (the modules it hosts, its readiness, its circuits) and {@code
 * /metrics?scope=application} (its module-call timers), each asked in parallel with the forwarding
 * client and a short timeout, so a dead server makes its box UNREACHABLE instead of slowing the
 * view. Instances are grouped by upstream URL into deployables; a server that stops answering keeps
 * the modules it last reported.
 *
 * <p>Administrators only (a valid token with the {@code admin} group, verified here as at the
 * edge), unless {@code cleave.topology.open} is {@code true}.
 */
@WebServlet(urlPatterns = TopologyServlet.PATH)
public class TopologyServlet extends HttpServlet {

  static final String PATH = "/api/v1/topology";
  private static final long serialVersionUID = 1L;
  private static final Duration TIMEOUT = Duration.ofMillis(1500);

  private transient ExecutorService asking;
  private transient boolean open;

  /** The modules each upstream URL last said it hosts. */
  private final Map<URI, List<String>> lastSeenModules = new ConcurrentHashMap<>();

  @Override
  public void init() {
    asking = Executors.newCachedThreadPool(DaemonThreads.named("gateway-topology"));
    open =
        ConfigProvider.getConfig()
            .getOptionalValue("cleave.topology.open", Boolean.class)
            .orElse(false);
  }

  @Override
  public void destroy() {
    asking.shutdownNow();
  }

  private record Gathered(
      UpstreamPool.Instance instance, Forwarder.Fetched health, Forwarder.Fetched metrics) {}

  @Override
  protected void doGet(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    String requestId = ForwardedHeaders.requestId(request.getHeader("X-Request-Id"));
    response.setHeader("X-Request-Id", requestId);
    Forwarder forwarder = (Forwarder) getServletContext().getAttribute(Forwarder.class.getName());
    GatewayConfig config =
        (GatewayConfig) getServletContext().getAttribute(GatewayConfig.class.getName());
    if (forwarder == null || config == null) {
      response.setHeader("Retry-After", "5");
      GatewayProblems.write(
          response,
          503,
          "upstream-unavailable",
          "Service unavailable",
          "The gateway is starting.",
          PATH,
          requestId);
      return;
    }
    if (!open && !admitted(request, response, config, requestId)) {
      return;
    }
    byte[] body = gather(forwarder).toJson().toString().getBytes(StandardCharsets.UTF_8);
    response.setStatus(200);
    response.setContentType("application/json");
    response.setHeader("Cache-Control", "no-store");
    response.setContentLength(body.length);
    response.getOutputStream().write(body);
  }

  /**
   * An administrator's valid token, or the problem answered: 401 without one, 403 without the role.
   */
  private static boolean admitted(
      HttpServletRequest request,
      HttpServletResponse response,
      GatewayConfig config,
      String requestId)
      throws IOException {
    EdgeAuthentication.Decision decision =
        config
            .authentication()
            .decide(
                "GET", PATH, Collections.list(request.getHeaders("Authorization")), Instant.now());
    if (!decision.passes() || decision.subject().isEmpty()) {
      response.setHeader("WWW-Authenticate", "Bearer realm=\"cleave\"");
      GatewayProblems.write(
          response,
          401,
          "unauthorized",
          "Authentication required",
          "A valid bearer token is required.",
          PATH,
          requestId);
      return false;
    }
    if (!decision.groups().contains("admin")) {
      GatewayProblems.write(
          response,
          403,
          "forbidden",
          "Forbidden",
          "The token does not grant access to this resource.",
          PATH,
          requestId);
      return false;
    }
    return true;
  }

  Topology gather(Forwarder forwarder) {
    // Each instance once, however many upstreams (modules) share its URL.
    Map<URI, List<String>> upstreamsByUrl = new TreeMap<>();
    Map<String, UpstreamPool.Instance> instances = new LinkedHashMap<>();
    forwarder
        .pools()
        .values()
        .forEach(
            pool ->
                pool.instances()
                    .forEach(
                        instance -> {
                          upstreamsByUrl
                              .computeIfAbsent(instance.baseUri(), url -> new ArrayList<>())
                              .add(pool.name());
                          instances.putIfAbsent(instance.toString(), instance);
                        }));
    List<CompletableFuture<Gathered>> asked = new ArrayList<>();
    for (UpstreamPool.Instance instance : instances.values()) {
      CompletableFuture<Forwarder.Fetched> health =
          CompletableFuture.supplyAsync(
              () -> forwarder.fetch(instance, "/health/ready", "application/json", TIMEOUT),
              asking);
      CompletableFuture<Forwarder.Fetched> metrics =
          CompletableFuture.supplyAsync(
              () -> forwarder.fetch(instance, "/metrics?scope=application", "text/plain", TIMEOUT),
              asking);
      asked.add(health.thenCombine(metrics, (h, m) -> new Gathered(instance, h, m)));
    }
    Map<URI, List<Gathered>> byUrl = new TreeMap<>();
    for (CompletableFuture<Gathered> gathered : asked) {
      Gathered one = gathered.join();
      byUrl.computeIfAbsent(one.instance().baseUri(), url -> new ArrayList<>()).add(one);
    }
    List<Topology.Deployable> deployables = new ArrayList<>();
    deployables.add(
        new Topology.Deployable(
            "gateway",
            true,
            List.of(),
            Topology.State.UP,
            List.of(new Topology.Instance(null, Topology.State.UP, "in process")),
            Map.of()));
    List<ModuleCallSample> samples = new ArrayList<>();
    TreeSet<String> names = new TreeSet<>();
    byUrl.forEach(
        (url, answers) -> {
          TreeSet<String> modules = new TreeSet<>();
          Map<String, String> circuits = new TreeMap<>();
          List<Topology.Instance> boxInstances = new ArrayList<>();
          for (Gathered answer : answers) {
            Health health = health(answer.health());
            Topology.State state =
                !answer.health().answered()
                    ? Topology.State.UNREACHABLE
                    : health != null && health.ready() && answer.health().code() == 200
                        ? Topology.State.UP
                        : Topology.State.DOWN;
            if (health != null) {
              modules.addAll(health.modules());
              health
                  .circuits()
                  .forEach(
                      (callee, circuit) -> circuits.merge(callee, circuit, TopologyServlet::worse));
            }
            boxInstances.add(
                new Topology.Instance(
                    answer.instance().address() == null
                        ? url.toString()
                        : url + " (" + answer.instance().address().getHostAddress() + ")",
                    state,
                    answer.health().status()));
          }
          if (modules.isEmpty()) {
            modules.addAll(lastSeenModules.getOrDefault(url, upstreamsByUrl.get(url)));
          } else {
            lastSeenModules.put(url, List.copyOf(modules));
          }
          String name = modules.size() == 1 ? modules.first() + "-service" : "monolith";
          if (!names.add(name)) {
            name = name + "-" + String.join("-", upstreamsByUrl.get(url));
            names.add(name);
          }
          for (Gathered answer : answers) {
            if (answer.metrics().code() == 200) {
              samples.addAll(PrometheusCalls.parse(name, answer.metrics().body()));
            }
          }
          deployables.add(
              new Topology.Deployable(
                  name,
                  false,
                  List.copyOf(modules),
                  stateOf(boxInstances),
                  boxInstances,
                  circuits));
        });
    return new Topology(
        Topology.shapeOf(deployables), Instant.now(), deployables, Topology.calls(samples));
  }

  private static Health health(Forwarder.Fetched fetched) {
    if (!fetched.answered() || fetched.body() == null || fetched.body().isBlank()) {
      return null;
    }
    try {
      return Health.of(Json.createReader(new StringReader(fetched.body())).readObject());
    } catch (JsonException | ClassCastException | NullPointerException e) {
      return null;
    }
  }

  /** UP when one instance is, DOWN when one answers, else UNREACHABLE. */
  private static Topology.State stateOf(List<Topology.Instance> instances) {
    if (instances.stream().anyMatch(i -> i.state() == Topology.State.UP)) {
      return Topology.State.UP;
    }
    if (instances.stream().anyMatch(i -> i.state() == Topology.State.DOWN)) {
      return Topology.State.DOWN;
    }
    return Topology.State.UNREACHABLE;
  }

  private static String worse(String a, String b) {
    List<String> order = List.of("closed", "unknown", "half-open", "open");
    return order.indexOf(a) >= order.indexOf(b) ? a : b;
  }
}
