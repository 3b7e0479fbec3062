package dev.cleave.apitests.support;

import static org.assertj.core.api.Assertions.assertThat;

import io.restassured.response.Response;

/** Assertions on RFC 9457 problem responses. */
public final class Problems {

  private Problems() {}

  /** The response is a problem+json with this status, echoing it in the body, with a request id. */
  public static Response assertProblem(Response response, int status) {
    assertThat(response.statusCode()).as("status of %s", response.asString()).isEqualTo(status);
    assertThat(response.contentType()).startsWith("application/problem+json");
    assertThat(response.jsonPath().getInt("status")).isEqualTo(status);
    assertThat(response.jsonPath().getString("type")).startsWith("https://cleave.dev/problems/");
    assertThat(response.jsonPath().getString("title")).isNotBlank();
    assertThat(response.jsonPath().getString("requestId"))
        .isEqualTo(response.header("X-Request-Id"));
    return response;
  }

  /**
   * As {@link #assertProblem(Response, int)}, and the problem type is {@code .../problems/<slug>}.
   */
  public static Response assertProblem(Response response, int status, String slug) {
    assertProblem(response, status);
    assertThat(response.jsonPath().getString("type"))
        .isEqualTo("https://cleave.dev/problems/" + slug);
    return response;
  }

  /** A client mistake: a 4xx problem, never a 5xx. */
  public static Response assertClientError(Response response) {
    assertThat(response.statusCode()).as("status of %s", response.asString()).isBetween(400, 499);
    assertThat(response.contentType()).startsWith("application/problem+json");
    return response;
  }
}
