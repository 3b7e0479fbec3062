package dev.cleave.gateway;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The gateway's health, in MicroProfile Health's JSON format. {@code /health/live} is the gateway
 * process alone; {@code /health/started} is UP once its routes are loaded. {@code /health/ready}
 * (and {@code /health}) asks every upstream instance's {@code /health/ready} in parallel, with the
 * forwarding client and at the addresses forwarding uses ({@link Forwarder#probe}), and reports one
 * check per upstream ({@code <name>-upstream}, UP when one of its instances is; with several
 * instances, each one's answer and whether the balancer sends it traffic) plus the upstreams' own
 * checks (from one instance), so one probe shows the whole system; it is UP only when every
 * upstream is.
 */
@WebServlet(urlPatterns = {"/health", "/health/*"})
public class HealthServlet extends HttpServlet {

  private static final long serialVersionUID = 1L;
  private static final Duration PROBE_TIMEOUT = Duration.ofSeconds(2);

  /** The probes block on their instance's answer: one thread each, never a request's. */
  private transient ExecutorService probing;

  @Override
  public void init() {
    probing = Executors.newCachedThreadPool(DaemonThreads.named("gateway-health-probe"));
  }

  @Override
  public void destroy() {
    probing.shutdownNow();
  }

  @Override
  protected void doGet(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    String which = request.getPathInfo() == null ? "/ready" : request.getPathInfo();
    JsonObject health =
        switch (which) {
          case "/started" -> started();
          case "/live" -> alive();
          case "/ready" -> ready();
          default -> null;
        };
    if (health == null) {
      GatewayProblems.write(
          response,
          404,
          "not-found",
          "Not found",
          "No resource exists at this path.",
          request.getRequestURI(),
          null);
      return;
    }
    byte[] body = health.toString().getBytes(StandardCharsets.UTF_8);
    response.setStatus("UP".equals(health.getString("status")) ? 200 : 503);
    response.setContentType("application/json");
    response.setHeader("Cache-Control", "no-store");
    response.setContentLength(body.length);
    response.getOutputStream().write(body);
  }

  private Forwarder forwarder() {
    return (Forwarder) getServletContext().getAttribute(Forwarder.class.getName());
  }

  /** The gateway before its forwarding servlet has loaded its routes, or after that failed. */
  private static JsonObject starting() {
    return Json.createObjectBuilder()
        .add("status", "DOWN")
        .add(
            "checks",
            Json.createArrayBuilder()
                .add(
                    check(
                        "gateway",
                        false,
                        Json.createObjectBuilder().add("state", "starting").build())))
        .build();
  }

  /**
   * UP once the routes are loaded: the gateway can forward, whatever its upstreams' state (the
   * probe a cluster's readiness should ask, since ready would take the front door out whenever one
   * upstream is down). A configuration the gateway refuses keeps it DOWN.
   */
  private JsonObject started() {
    return forwarder() == null ? starting() : alive();
  }

  /** The gateway process answering: UP, with its own check only. */
  private static JsonObject alive() {
    return Json.createObjectBuilder()
        .add("status", "UP")
        .add(
            "checks",
            Json.createArrayBuilder().add(check("gateway", true, JsonValue.EMPTY_JSON_OBJECT)))
        .build();
  }

  private JsonObject ready() {
    Forwarder forwarder = forwarder();
    if (forwarder == null) {
      return starting();
    }
    Map<UpstreamPool.Instance, CompletableFuture<Forwarder.Probe>> probes = new LinkedHashMap<>();
    forwarder
        .pools()
        .values()
        .forEach(
            pool ->
                pool.instances()
                    .forEach(
                        instance ->
                            probes.put(
                                instance,
                                CompletableFuture.supplyAsync(
                                    () -> forwarder.probe(instance, PROBE_TIMEOUT), probing))));
    boolean allUp = true;
    JsonArrayBuilder checks = Json.createArrayBuilder();
    JsonArrayBuilder theirs = Json.createArrayBuilder();
    for (UpstreamPool pool : forwarder.pools().values()) {
      // An upstream is up when one of its instances is: the gateway balances over those that are.
      boolean anyUp = false;
      boolean reported = false;
      List<UpstreamPool.Instance> instances = pool.instances();
      JsonObjectBuilder data = Json.createObjectBuilder();
      for (UpstreamPool.Instance instance : instances) {
        Forwarder.Probe probe = probes.get(instance).join();
        if (probe.readyBody() != null) {
          anyUp = true;
          if (!reported) {
            Json.createReader(new StringReader(probe.readyBody()))
                .readObject()
                .getJsonArray("checks")
                .forEach(theirs::add);
            reported = true;
          }
        }
        if (instances.size() == 1) {
          data.add("url", instance.baseUri().toString()).add("answer", probe.status());
          if (instance.address() != null) {
            data.add("address", instance.address().getHostAddress());
          }
        } else {
          data.add(instance.toString(), probe.status());
        }
      }
      if (instances.size() > 1) {
        data.add("balancing", String.join(", ", pool.states()));
      }
      allUp &= anyUp;
      checks.add(check(pool.name() + "-upstream", anyUp, data.build()));
    }
    JsonArrayBuilder all = Json.createArrayBuilder();
    checks.build().forEach(all::add);
    theirs.build().forEach(all::add);
    return Json.createObjectBuilder()
        .add("status", allUp ? "UP" : "DOWN")
        .add("checks", all)
        .build();
  }

  private static JsonObject check(String name, boolean up, JsonObject data) {
    return Json.createObjectBuilder()
        .add("name", name)
        .add("status", up ? "UP" : "DOWN")
        .add("data", data)
        .build();
  }
}
