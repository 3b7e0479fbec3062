package dev.cleave.platform.remote;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cleave.kernel.DomainException;
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
