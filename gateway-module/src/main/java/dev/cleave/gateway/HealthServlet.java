package dev.cleave.gateway;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * The gateway's health, in MicroProfile Health's JSON format. {@code /health/live} is the gateway
 * process alone. {@code /health/ready} (and {@code /health}) asks every upstream's {@code
 * /health/ready} in parallel and reports one check per upstream ({@code <name>-upstream}, UP when
 * one of its instances is; with several instances, each one's answer and whether the balancer sends
 * it traffic) plus the upstreams' own checks (from one instance), so one probe shows the whole
 * system; it is UP only when every upstream is.
 */
@WebServlet(urlPatterns = {"/health", "/health/*"})
public class HealthServlet extends HttpServlet {

  private static final long serialVersionUID = 1L;
  private static final Duration PROBE_TIMEOUT = Duration.ofSeconds(2);

  private transient Map<String, List<URI>> upstreams;
  private transient HttpClient client;

  @Override
  public void init() throws ServletException {
    try {
      upstreams = GatewayConfig.from(ConfigProvider.getConfig()).routes().upstreams();
    } catch (IllegalArgumentException e) {
      throw new ServletException("Gateway misconfigured: " + e.getMessage(), e);
    }
    client =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(PROBE_TIMEOUT)
            .build();
  }

  @Override
  protected void doGet(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    String which = request.getPathInfo() == null ? "/ready" : request.getPathInfo();
    JsonObject health =
        switch (which) {
          case "/live", "/started" ->
              Json.createObjectBuilder()
                  .add("status", "UP")
                  .add(
                      "checks",
                      Json.createArrayBuilder()
                          .add(check("gateway", true, Json.createObjectBuilder().build())))
                  .build();
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

  private JsonObject ready() {
    Map<URI, CompletableFuture<HttpResponse<String>>> probes = new LinkedHashMap<>();
    upstreams
        .values()
        .forEach(
            instances ->
                instances.forEach(
                    base ->
                        probes.put(
                            base,
                            client.sendAsync(
                                HttpRequest.newBuilder(URI.create(base + "/health/ready"))
                                    .timeout(PROBE_TIMEOUT)
                                    .GET()
                                    .build(),
                                HttpResponse.BodyHandlers.ofString()))));
    @SuppressWarnings("unchecked")
    Map<String, UpstreamPool> pools =
        (Map<String, UpstreamPool>) getServletContext().getAttribute(UpstreamPool.class.getName());
    boolean allUp = true;
    JsonArrayBuilder checks = Json.createArrayBuilder();
    JsonArrayBuilder theirs = Json.createArrayBuilder();
    for (Map.Entry<String, List<URI>> upstream : upstreams.entrySet()) {
      // An upstream is up when one of its instances is: the gateway balances over those that are.
      boolean anyUp = false;
      boolean reported = false;
      JsonObjectBuilder data = Json.createObjectBuilder();
      for (URI base : upstream.getValue()) {
        String status;
        try {
          HttpResponse<String> answer = probes.get(base).join();
          status = "HTTP " + answer.statusCode();
          if (answer.statusCode() == 200) {
            anyUp = true;
            if (!reported) {
              JsonObject body = Json.createReader(new StringReader(answer.body())).readObject();
              body.getJsonArray("checks").forEach(theirs::add);
              reported = true;
            }
          }
        } catch (RuntimeException e) {
          status =
              e.getCause() != null
                  ? e.getCause().getClass().getSimpleName()
                  : e.getClass().getSimpleName();
        }
        data.add(
            upstream.getValue().size() == 1 ? "url" : base.toString(),
            upstream.getValue().size() == 1 ? base.toString() : status);
        if (upstream.getValue().size() == 1) {
          data.add("answer", status);
        }
      }
      if (pools != null && pools.containsKey(upstream.getKey()) && upstream.getValue().size() > 1) {
        data.add("balancing", String.join(", ", pools.get(upstream.getKey()).states()));
      }
      allUp &= anyUp;
      checks.add(check(upstream.getKey() + "-upstream", anyUp, data.build()));
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
        .add("data", data == null ? JsonValue.EMPTY_JSON_OBJECT : data)
        .build();
  }
}
