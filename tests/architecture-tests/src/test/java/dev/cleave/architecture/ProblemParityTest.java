package dev.cleave.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import dev.cleave.architecture.fixtures.problems.demo.api.GarbledException;
import dev.cleave.architecture.fixtures.problems.demo.api.ListedException;
import dev.cleave.architecture.fixtures.problems.demo.api.UnlistedException;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Remote callers get the exceptions in-process callers get: on Cleave, and proven on fixtures. */
class ProblemParityTest {

  @Test
  void everyModuleApiExceptionComesBackAlikeFromItsProblem() {
    List<Class<?>> types =
        new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("dev.cleave")
                .stream()
                .filter(c -> c.getPackageName().matches("dev\\.cleave\\.[a-z]+\\.api"))
                .map(JavaClass::reflect)
                .<Class<?>>map(c -> c)
                .toList();
    assertThat(types.stream().map(Class::getSimpleName))
        .contains(
            "PaymentNotFoundException",
            "ReservationConflictException",
            "UserNotFoundException",
            "CartEmptyException");
    assertThat(ProblemParity.exceptionsNotRebuiltAlike(types)).isEmpty();
  }

  @Test
  void theRuleCatchesUnlistedAndGarbledExceptions() {
    assertThat(ProblemParity.exceptionsNotRebuiltAlike(List.of(ListedException.class))).isEmpty();
    assertThat(
            ProblemParity.exceptionsNotRebuiltAlike(
                List.of(UnlistedException.class, GarbledException.class)))
        .hasSize(2)
        .anySatisfy(v -> assertThat(v).contains("demo-unlisted").contains("not listed"))
        .anySatisfy(
            v -> assertThat(v).contains("GarbledException").contains("comes back different"));
  }
}
