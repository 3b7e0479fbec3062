package dev.cleave.platform.web;

import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.ws.rs.core.Response;
import java.time.Duration;
import java.util.Map;

/** Builds {@code application/problem+json} responses; the one place that knows the wire format. */
public final class Problems {

  /** The challenge that every 401 carries (RFC 9110 requires one; RFC 6750 names the scheme). */
  public static final String BEARER_CHALLENGE = "Bearer realm=\"cleave\"";

  private static final Jsonb JSONB = JsonbBuilder.create();

  /** Type slug, title and default detail for statuses that carry no more specific problem type. */
  private record Generic(String slug, String title, String detail) {}

  private static final Map<Integer, Generic> BY_STATUS =
      Map.ofEntries(
          Map.entry(400, new Generic("bad-request", "Bad request", null)),
          Map.entry(
              401,
              new Generic(
                  "unauthorized", "Authentication required", "A valid bearer token is required.")),
          Map.entry(
              403,
              new Generic(
                  "forbidden", "Forbidden", "The token does not grant access to this resource.")),
          Map.entry(404, new Generic("not-found", "Not found", "No resource exists at this path.")),
          Map.entry(
              405,
              new Generic(
                  "method-not-allowed",
                  "Method not allowed",
                  "This path does not support the method; see the Allow header.")),
          Map.entry(
              406,
              new Generic(
                  "not-acceptable",
                  "Not acceptable",
                  "This resource produces application/json only.")),
          Map.entry(409, new Generic("conflict", "Conflict", null)),
          Map.entry(411, new Generic("length-required", "Length required", null)),
          Map.entry(413, new Generic("payload-too-large", "Payload too large", null)),
          Map.entry(414, new Generic("uri-too-long", "URI too long", null)),
          Map.entry(
              415,
              new Generic(
                  "unsupported-media-type",
                  "Unsupported media type",
                  "This resource accepts application/json only.")),
          Map.entry(422, new Generic("unprocessable", "Unprocessable request", null)),
          Map.entry(429, new Generic("too-many-requests", "Too many requests", null)),
          Map.entry(431, new Generic("headers-too-large", "Request header fields too large", null)),
          Map.entry(
              500,
              new Generic(
                  "internal-error",
                  "Internal server error",
                  "The server could not complete the request. Quote the request id when reporting"
                      + " this.")),
          Map.entry(503, new Generic("unavailable", "Service unavailable", null)));

  private Problems() {}

  /** The generic problem for an HTTP status, with its standard detail. */
  public static ProblemDetail forStatus(int status) {
    return forStatus(status, null);
  }

  /**
   * The generic problem for an HTTP status; a {@code null} detail takes the status's standard one.
   */
  public static ProblemDetail forStatus(int status, String detail) {
    Generic known = BY_STATUS.get(status);
    if (known == null) {
      known = status >= 500 ? BY_STATUS.get(500) : BY_STATUS.get(400);
    }
    return ProblemDetail.of(
        status, known.slug(), known.title(), detail != null ? detail : known.detail());
  }

  /** A {@code Retry-After} value in whole seconds, rounded up and at least 1. */
  public static String retryAfterSeconds(Duration wait) {
    long millis = Math.max(1, wait.toMillis());
    return Long.toString((millis + 999) / 1000);
  }

  public static String toJson(ProblemDetail problem) {
    return JSONB.toJson(problem);
  }

  /** A JAX-RS response carrying the problem, stamped with the current request id and path. */
  public static Response.ResponseBuilder response(ProblemDetail problem, String path) {
    ProblemDetail stamped = problem.at(path, RequestIds.current());
    return Response.status(stamped.status()).type(ProblemDetail.MEDIA_TYPE).entity(toJson(stamped));
  }
}
