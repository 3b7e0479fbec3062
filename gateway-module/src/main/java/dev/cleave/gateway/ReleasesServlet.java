package dev.cleave.gateway;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonException;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Collections;
import java.util.Locale;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * The releases while the gateway runs ({@link Releases}), for administrators: {@code GET
 * /gateway/releases} lists each route's candidate and share and each shadow; {@code PUT
 * /gateway/releases/<route prefix>} with {@code {"percent": 100}} moves a release's share at once
 * (a canary widened, blue/green switched or rolled back) without a restart, until the gateway
 * restarts with its configuration. An administrator's token (group {@code admin}) is required, from
 * an address the {@link IpRules} let reach {@code /gateway/releases}. Bad input gets a problem
 * document: 400 for a body that is not {@code {"percent": integer}}, 415 for one that is not JSON,
 * 404 for a route without a release, 422 for a share outside 0 to 100.
 */
@WebServlet(urlPatterns = {"/gateway/releases", "/gateway/releases/*"})
public class ReleasesServlet extends HttpServlet {

  private static final long serialVersionUID = 1L;
  private static final Logger LOG = Logger.getLogger(ReleasesServlet.class.getName());
  private static final String PATH = "/gateway/releases";
  private static final BigInteger HUNDRED_AND_ONE = BigInteger.valueOf(101);

  @Override
  protected void service(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    String requestId = ForwardedHeaders.requestId(request.getHeader("X-Request-Id"));
    response.setHeader("X-Request-Id", requestId);
    response.setHeader("Cache-Control", "no-store");
    GatewayConfig config =
        (GatewayConfig) getServletContext().getAttribute(GatewayConfig.class.getName());
    String instance = request.getRequestURI();
    if (config == null) {
      response.setHeader("Retry-After", "5");
      GatewayProblems.write(
          response, 503, "starting", "Starting", "The gateway is starting.", instance, requestId);
      return;
    }
    Optional<Refusal> refused = refusal(config, request);
    if (refused.isPresent()) {
      refused.get().send(response, instance, requestId);
      return;
    }
    String route = request.getPathInfo();
    if ("GET".equals(request.getMethod()) && route == null) {
      send(response, 200, list(config.releases()));
    } else if ("PUT".equals(request.getMethod()) && route != null) {
      put(config.releases(), route, request, response, requestId);
    } else {
      response.setHeader("Allow", route == null ? "GET" : "PUT");
      GatewayProblems.write(
          response,
          405,
          "method-not-allowed",
          "Method not allowed",
          "This path does not support the method.",
          instance,
          requestId);
    }
  }

  /** Why a request may not use the releases, as a problem to send. */
  private record Refusal(int status, String slug, String title, String detail, String challenge) {
    void send(HttpServletResponse response, String instance, String requestId) throws IOException {
      if (challenge != null) {
        response.setHeader("WWW-Authenticate", challenge);
      }
      GatewayProblems.write(response, status, slug, title, detail, instance, requestId);
    }
  }

  private static Optional<Refusal> refusal(GatewayConfig config, HttpServletRequest request) {
    if (config.addressRefusal(request, PATH).isPresent()) {
      return Optional.of(
          new Refusal(403, "address-refused", "Forbidden", GatewayProblems.ADDRESS_REFUSED, null));
    }
    EdgeAuthentication.Decision access =
        config
            .authentication()
            .decide(
                request.getMethod(),
                PATH,
                Collections.list(request.getHeaders("Authorization")),
                Instant.now());
    if (!access.passes()) {
      return Optional.of(
          new Refusal(
              401,
              "unauthorized",
              "Authentication required",
              "A valid bearer token is required.",
              access.tokenPresented()
                  ? AuthenticationStep.BEARER_CHALLENGE + ", error=\"invalid_token\""
                  : AuthenticationStep.BEARER_CHALLENGE));
    }
    if (!access.groups().contains("admin")) {
      return Optional.of(
          new Refusal(
              403, "forbidden", "Forbidden", "Only administrators may manage releases.", null));
    }
    return Optional.empty();
  }

  private static void put(
      Releases releases,
      String route,
      HttpServletRequest request,
      HttpServletResponse response,
      String requestId)
      throws IOException {
    String instance = request.getRequestURI();
    Optional<Releases.Release> release = releases.of(route);
    if (release.isEmpty()) {
      GatewayProblems.write(
          response,
          404,
          "not-found",
          "Not found",
          "The route " + route + " has no release.",
          instance,
          requestId);
      return;
    }
    String type = request.getContentType();
    if (type == null || !type.toLowerCase(Locale.ROOT).startsWith("application/json")) {
      GatewayProblems.write(
          response,
          415,
          "unsupported-media-type",
          "Unsupported media type",
          "Send the new share as application/json.",
          instance,
          requestId);
      return;
    }
    Optional<Integer> percent = percentOf(request);
    if (percent.isEmpty()) {
      GatewayProblems.write(
          response,
          400,
          "bad-request",
          "Bad request",
          "The body must be a JSON object with an integer \"percent\".",
          instance,
          requestId);
      return;
    }
    if (percent.get() < 0 || percent.get() > 100) {
      GatewayProblems.write(
          response,
          422,
          "invalid-percent",
          "Invalid share",
          "A release's share is 0 to 100 percent, not " + percent.get() + ".",
          instance,
          requestId);
      return;
    }
    int before = release.get().percent();
    release.get().percent(percent.get());
    LOG.info(
        () ->
            "Release of "
                + route
                + ": candidate "
                + release.get().candidate()
                + " now gets "
                + percent.get()
                + " % of callers (was "
                + before
                + " %) ["
                + requestId
                + "]");
    send(response, 200, json(release.get()));
  }

  /** The body's integer {@code percent}, or empty when the body is not such an object. */
  private static Optional<Integer> percentOf(HttpServletRequest request) throws IOException {
    String body;
    try (InputStream in = request.getInputStream()) {
      byte[] bytes = in.readNBytes(4097);
      if (bytes.length > 4096) {
        return Optional.empty();
      }
      body = new String(bytes, StandardCharsets.UTF_8);
    }
    try {
      JsonValue percent = Json.createReader(new StringReader(body)).readObject().get("percent");
      if (percent instanceof JsonNumber number && number.isIntegral()) {
        // Clamped just outside the range, so a huge number is refused as out of range (422).
        return Optional.of(
            number.bigIntegerValue().max(BigInteger.ONE.negate()).min(HUNDRED_AND_ONE).intValue());
      }
      return Optional.empty();
    } catch (JsonException | ClassCastException e) {
      return Optional.empty();
    }
  }

  private static JsonObject list(Releases releases) {
    JsonArrayBuilder all = Json.createArrayBuilder();
    releases.all().forEach(release -> all.add(json(release)));
    JsonArrayBuilder shadows = Json.createArrayBuilder();
    releases
        .shadows()
        .forEach(
            shadow ->
                shadows.add(
                    Json.createObjectBuilder()
                        .add("route", shadow.route())
                        .add("upstream", shadow.upstream())
                        .add("percent", shadow.percent())));
    return Json.createObjectBuilder().add("releases", all).add("shadows", shadows).build();
  }

  private static JsonObject json(Releases.Release release) {
    return Json.createObjectBuilder()
        .add("route", release.route())
        .add("candidate", release.candidate())
        .add("percent", release.percent())
        .build();
  }

  private static void send(HttpServletResponse response, int status, JsonObject body)
      throws IOException {
    byte[] bytes = body.toString().getBytes(StandardCharsets.UTF_8);
    response.setStatus(status);
    response.setContentType("application/json");
    response.setContentLength(bytes.length);
    response.getOutputStream().write(bytes);
  }
}
