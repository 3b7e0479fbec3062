package dev.cleave.gateway;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
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
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * The gateway's health, in MicroProfile Health's JSON format. {@code /health/live} is the gateway
 * process alone. {@code /health/ready} (and {@code /health}) asks every upstream's
 * {@code /health/ready} in parallel and reports one check per upstream ({@code <name>-upstream}) plus
 * the upstreams' own checks, so one probe shows the whole system; it is UP only when all of them are.
 */
@WebServlet(urlPatterns = {"/health", "/health/*"})
public class HealthServlet extends HttpServlet {

  private static final long serialVersionUID = 1L;
  private static final Duration PROBE_TIMEOUT = Duration.ofSeconds(2);

  private transient Map<String, URI> upstreams;
  private transient HttpClient client;

  @Override
  public void init() throws ServletException {
    try {
      upstreams = GatewaySettings.from(ConfigProvider.getConfig()).routes().upstreams();
    } catch (IllegalArgumentException e) {
      throw new ServletException("Gateway misconfigured: " + e.getMessage(), e);
    }
    client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(PROBE_TIMEOUT).build();
  }

  @Override
  protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
    String which = request.getPathInfo() == null ? "/ready" : request.getPathInfo();
    JsonObject health = switch (which) {
      case "/live", "/started" -> Json.createObjectBuilder().add("status", "UP")
          .add("checks", Json.createArrayBuilder().add(check("gateway", true, Json.createObjectBuilder().build())))
          .build();
      case "/ready" -> ready();
      default -> null;
    };
    if (health == null) {
      GatewayProblems.write(response, 404, "not-found", "Not found", "No resource exists at this path.",
          request.getRequestURI(), null);
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
    Map<String, CompletableFuture<HttpResponse<String>>> probes = new LinkedHashMap<>();
    upstreams.forEach((name, base) -> probes.put(name, client.sendAsync(
        HttpRequest.newBuilder(URI.create(base + "/health/ready")).timeout(PROBE_TIMEOUT).GET().build(),
        HttpResponse.BodyHandlers.ofString())));
    boolean allUp = true;
    JsonArrayBuilder checks = Json.createArrayBuilder();
    JsonArrayBuilder theirs = Json.createArrayBuilder();
    for (Map.Entry<String, CompletableFuture<HttpResponse<String>>> probe : probes.entrySet()) {
      String status;
      boolean up;
      try {
        HttpResponse<String> answer = probe.getValue().join();
        up = answer.statusCode() == 200;
        status = "HTTP " + answer.statusCode();
        JsonObject body = Json.createReader(new StringReader(answer.body())).readObject();
        body.getJsonArray("checks").forEach(theirs::add);
      } catch (RuntimeException e) {
        up = false;
        status = e.getCause() != null ? e.getCause().getClass().getSimpleName() : e.getClass().getSimpleName();
      }
      allUp &= up;
      checks.add(check(probe.getKey() + "-upstream", up, Json.createObjectBuilder()
          .add("url", upstreams.get(probe.getKey()).toString()).add("answer", status).build()));
    }
    JsonArrayBuilder all = Json.createArrayBuilder();
    checks.build().forEach(all::add);
    theirs.build().forEach(all::add);
    return Json.createObjectBuilder().add("status", allUp ? "UP" : "DOWN").add("checks", all).build();
  }

  private static JsonObject check(String name, boolean up, JsonObject data) {
    return Json.createObjectBuilder().add("name", name).add("status", up ? "UP" : "DOWN")
        .add("data", data == null ? JsonValue.EMPTY_JSON_OBJECT : data).build();
  }
}
