package dev.cleave.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ProblemsTest {

  @Test
  void givesEachKnownStatusItsTypeTitleAndStandardDetail() {
    ProblemDetail problem = Problems.forStatus(401);
    assertThat(problem.type()).isEqualTo("https://cleave.dev/problems/unauthorized");
    assertThat(problem.title()).isEqualTo("Authentication required");
    assertThat(problem.detail()).isEqualTo("A valid bearer token is required.");
    assertThat(problem.status()).isEqualTo(401);
  }

  @Test
  void letsACallerReplaceTheStandardDetail() {
    assertThat(Problems.forStatus(404, "Product 7 does not exist.").detail())
        .isEqualTo("Product 7 does not exist.");
  }

  @Test
  void fallsBackToTheGenericClientOrServerProblem() {
    assertThat(Problems.forStatus(418).type()).endsWith("/bad-request");
    assertThat(Problems.forStatus(418).status()).isEqualTo(418);
    assertThat(Problems.forStatus(599).type()).endsWith("/internal-error");
  }

  @Test
  void serialisesWithoutEmptyFieldsInRfcOrder() {
    String json = Problems.toJson(Problems.forStatus(403).at("/api/v1/x", "req-1"));
    assertThat(json)
        .startsWith("{\"type\":")
        .contains("\"requestId\":\"req-1\"")
        .doesNotContain("errors");
  }

  @Test
  void keepsWellFormedRequestIdsAndReplacesOthers() {
    assertThat(RequestIds.acceptOrCreate("gw-123.abc")).isEqualTo("gw-123.abc");
    assertThat(RequestIds.acceptOrCreate("<script>")).isNotEqualTo("<script>").hasSize(36);
    assertThat(RequestIds.acceptOrCreate("x".repeat(65))).hasSize(36);
    assertThat(RequestIds.acceptOrCreate(null)).hasSize(36);
  }
}
