package dev.cleave.platform.web;

import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.ws.rs.core.Response;
import java.util.Map;

/** Builds {@code application/problem+json} responses; the one place that knows the wire format. */
public final class Problems {

  private static final Jsonb JSONB = JsonbBuilder.create();

  /** Standard titles and type slugs for statuses that carry no more specific problem type. */
  private static final Map<Integer, String[]> BY_STATUS = Map.ofEntries(
      Map.entry(400, new String[] {"bad-request", "Bad request"}),
      Map.entry(401, new String[] {"unauthorized", "Authentication required"}),
      Map.entry(403, new String[] {"forbidden", "Forbidden"}),
      Map.entry(404, new String[] {"not-found", "Not found"}),
      Map.entry(405, new String[] {"method-not-allowed", "Method not allowed"}),
      Map.entry(406, new String[] {"not-acceptable", "Not acceptable"}),
      Map.entry(409, new String[] {"conflict", "Conflict"}),
      Map.entry(411, new String[] {"length-required", "Length required"}),
      Map.entry(413, new String[] {"payload-too-large", "Payload too large"}),
      Map.entry(414, new String[] {"uri-too-long", "URI too long"}),
      Map.entry(415, new String[] {"unsupported-media-type", "Unsupported media type"}),
      Map.entry(422, new String[] {"unprocessable", "Unprocessable request"}),
      Map.entry(429, new String[] {"too-many-requests", "Too many requests"}),
      Map.entry(431, new String[] {"headers-too-large", "Request header fields too large"}),
      Map.entry(500, new String[] {"internal-error", "Internal server error"}),
      Map.entry(503, new String[] {"unavailable", "Service unavailable"}));

  private Problems() {
  }

  /** The generic problem for an HTTP status, with the given detail. */
  public static ProblemDetail forStatus(int status, String detail) {
    String[] known = BY_STATUS.get(status);
    if (known == null) {
      known = status >= 500 ? BY_STATUS.get(500) : BY_STATUS.get(400);
    }
    return ProblemDetail.of(status, known[0], known[1], detail);
  }

  public static String toJson(ProblemDetail problem) {
    return JSONB.toJson(problem);
  }

  /** A JAX-RS response carrying the problem, stamped with the current request id and path. */
  public static Response.ResponseBuilder response(ProblemDetail problem, String path) {
    ProblemDetail stamped = problem.at(path, RequestIds.current());
    return Response.status(stamped.status())
        .type(ProblemDetail.MEDIA_TYPE)
        .entity(toJson(stamped));
  }
}
