package dev.cleave.platform.validation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Valid;
import jakarta.validation.Validation;
import jakarta.validation.ValidatorFactory;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import java.lang.reflect.Method;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

class FieldPathsTest {

  record Line(@Positive int quantity) {}

  record Address(@NotBlank String city) {}

  record Cart(
      @NotNull @Valid List<Line> lines,
      Map<String, @NotBlank String> notes,
      List<@NotBlank String> tags,
      List<List<@Positive Integer>> grid,
      @Valid Address address) {}

  /** A module contract, as Bean Validation checks it in-process. */
  static class Contract {
    @SuppressWarnings("unused") // only its parameters' constraints are read
    public void place(@NotNull String key, @NotNull @Valid Cart cart) {}
  }

  private static final ValidatorFactory VALIDATION = Validation.buildDefaultValidatorFactory();

  @AfterAll
  static void close() {
    VALIDATION.close();
  }

  /** Field → message of what Hibernate Validator reports for a call with these arguments. */
  private static Map<String, String> reported(Object... arguments) throws Exception {
    Method place = Contract.class.getMethod("place", String.class, Cart.class);
    Set<ConstraintViolation<Contract>> violations =
        VALIDATION
            .getValidator()
            .forExecutables()
            .validateParameters(new Contract(), place, arguments);
    return violations.stream()
        .collect(
            Collectors.toMap(
                FieldPaths::of, ConstraintViolation::getMessage, (a, b) -> a, TreeMap::new));
  }

  @Test
  void namesEachViolationByItsPathBelowTheParameter() throws Exception {
    Cart cart =
        new Cart(
            List.of(new Line(1), new Line(0)),
            Map.of("gift", " "),
            List.of("", "ok"),
            List.of(List.of(1), List.of(2, -3)),
            new Address(""));

    assertThat(reported("k", cart).keySet())
        .containsExactly(
            "address.city", "grid[1][1]", "lines[1].quantity", "notes[gift]", "tags[0]");
    assertThat(reported(null, null).keySet()).containsExactly(FieldPaths.WHOLE_ARGUMENT);
  }

  @Test
  void aReportedFieldReadsBackAsTheSamePathAndMessage() throws Exception {
    Cart cart =
        new Cart(
            List.of(new Line(0)),
            Map.of("k 1", ""),
            List.of(" "),
            List.of(List.of(-1)),
            new Address(null));
    Map<String, String> reported = reported(null, cart);
    assertThat(reported).hasSizeGreaterThan(4);

    reported.forEach(
        (field, message) -> {
          ConstraintViolation<Object> read = FieldPaths.violation(field, message);
          assertThat(FieldPaths.of(read)).isEqualTo(field);
          assertThat(read.getMessage()).isEqualTo(message);
          assertThat(read.getPropertyPath()).hasToString(field);
        });
  }

  @Test
  void refusesWhatIsNoFieldPath() {
    for (String field : List.of("", " ", "a..b", ".a", "a.", "[0]", "a[0", "a]")) {
      assertThatThrownBy(() -> FieldPaths.violation(field, "m"))
          .as(field)
          .isInstanceOf(IllegalArgumentException.class);
    }
  }
}
