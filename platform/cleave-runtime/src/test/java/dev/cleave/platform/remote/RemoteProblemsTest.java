package dev.cleave.platform.remote;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cleave.kernel.DomainException;
import dev.cleave.platform.validation.FieldPaths;
import jakarta.validation.ConstraintViolationException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RemoteProblemsTest {

  static class Refused extends DomainException {
    Refused(String detail) {
      super(Kind.CONFLICT, "refused", "Refused", detail);
    }
  }

  private final RemoteProblems problems =
      new RemoteProblems("fixture", Map.of("refused", Refused::new));

  private static String problem(String slug, int status, String detail) {
    return "{\"type\":\"https://cleave.dev/problems/"
        + slug
        + "\",\"title\":\"T\",\"status\":"
        + status
        + ",\"detail\":\""
        + detail
        + "\"}";
  }

  @Test
  void aListedProblemBecomesItsExceptionWithTheDetailVerbatim() {
    RuntimeException e = problems.toException(409, problem("refused", 409, "Order 7 was refused."));
    assertThat(e).isInstanceOf(Refused.class).hasMessage("Order 7 was refused.");
    assertThat(((DomainException) e).problemType()).isEqualTo("refused");
  }

  @Test
  void aValidationProblemBecomesTheConstraintViolationsOfTheCallWithTheirFields() {
    String body =
        """
        {"type":"https://cleave.dev/problems/validation","title":"Invalid request","status":400,
         "detail":"One or more fields are invalid; see errors.",
         "errors":[{"field":"card.number","message":"must be a valid card number"},
                   {"field":"lines[0].quantity","message":"must be greater than 0"}]}
        """;

    RuntimeException e = problems.toException(400, body);

    assertThat(e)
        .isInstanceOf(ConstraintViolationException.class)
        .hasMessageContaining("card.number: must be a valid card number");
    assertThat(
            ((ConstraintViolationException) e)
                .getConstraintViolations().stream()
                    .map(v -> FieldPaths.of(v) + ": " + v.getMessage()))
        .containsExactlyInAnyOrder(
            "card.number: must be a valid card number",
            "lines[0].quantity: must be greater than 0");
  }

  @Test
  void aValidationProblemWithoutReadableFieldsStaysAnIllegalArgument() {
    for (String errors :
        List.of(
            "[]",
            "[{\"field\":\"a\"}]",
            "[{\"field\":\"a..b\",\"message\":\"m\"}]",
            "[\"card.number\"]",
            "{}")) {
      String body =
          "{\"type\":\"https://cleave.dev/problems/validation\",\"status\":400,"
              + "\"detail\":\"see errors\",\"errors\":"
              + errors
              + "}";
      assertThat(problems.toException(400, body))
          .as(errors)
          .isExactlyInstanceOf(IllegalArgumentException.class);
    }
  }

  @Test
  void badArgumentsUnknownTypesAndFailuresAreToldApart() {
    assertThat(
            problems.toException(
                400, problem("invalid-request", 400, "quantity: must be positive")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("quantity: must be positive");
    assertThat(problems.toException(404, problem("something-new", 404, "?")))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("something-new");
    assertThat(problems.toException(503, problem("refused", 503, "down")))
        .isInstanceOf(ModuleUnavailableException.class);
    assertThat(problems.toException(500, "<html>oops</html>"))
        .isInstanceOf(ModuleUnavailableException.class);
    assertThat(problems.toException(404, "")).isInstanceOf(ModuleUnavailableException.class);
  }
}
