package dev.cleave.gateway;

import jakarta.json.Json;
import jakarta.json.JsonObjectBuilder;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * The gateway's own {@code application/problem+json} answers (RFC 9457), in the services' format:
 * type under {@code https://cleave.dev/problems/}, title, status, detail, instance and request id.
 */
final class GatewayProblems {

  static final String MEDIA_TYPE = "application/problem+json";
  static final String TYPE_BASE = "https://cleave.dev/problems/";

  private GatewayProblems() {}

  /** The detail of every 403 an IP list causes; the address itself is never echoed. */
  static final String ADDRESS_REFUSED =
      "Requests from this network address are not accepted for this resource.";

  static void write(
      HttpServletResponse response,
      int status,
      String slug,
      String title,
      String detail,
      String instance,
      String requestId)
      throws IOException {
    JsonObjectBuilder problem =
        Json.createObjectBuilder()
            .add("type", TYPE_BASE + slug)
            .add("title", title)
            .add("status", status)
            .add("detail", detail);
    if (instance != null) {
      problem.add("instance", instance);
    }
    if (requestId != null) {
      problem.add("requestId", requestId);
    }
    byte[] body = problem.build().toString().getBytes(StandardCharsets.UTF_8);
    response.setStatus(status);
    response.setContentType(MEDIA_TYPE);
    response.setContentLength(body.length);
    response.getOutputStream().write(body);
  }
}
