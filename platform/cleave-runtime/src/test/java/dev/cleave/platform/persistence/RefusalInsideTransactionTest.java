package dev.cleave.platform.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cleave.kernel.DomainException;
import dev.cleave.platform.web.FieldViolation;
import dev.cleave.platform.web.InvalidRequestException;
import jakarta.transaction.Transactional;
import jakarta.validation.ConstraintViolationException;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The rollback rule the interceptor applies to a refusal, read from the method's
 * {@code @Transactional}.
 */
class RefusalInsideTransactionTest {

  static class Spared extends DomainException {
    Spared() {
      super(Kind.CONFLICT, "spared", "Spared", "Named in dontRollbackOn.");
    }
  }

  static class Plain extends DomainException {
    Plain() {
      super(Kind.NOT_FOUND, "plain", "Plain", "Not named anywhere.");
    }
  }

  static class OnMethods {
    @Transactional(dontRollbackOn = Spared.class)
    public void sparing() {}

    @Transactional
    public void plain() {}
  }

  @Transactional(dontRollbackOn = Spared.class)
  static class OnClass {
    public void inherited() {}
  }

  @Test
  void aRefusalRollsBackUnlessItsMethodNamesItInDontRollbackOn() throws Exception {
    assertThat(
            RefusalInsideTransaction.rollsBack(OnMethods.class.getMethod("sparing"), new Spared()))
        .isFalse();
    assertThat(
            RefusalInsideTransaction.rollsBack(OnMethods.class.getMethod("sparing"), new Plain()))
        .isTrue();
    assertThat(RefusalInsideTransaction.rollsBack(OnMethods.class.getMethod("plain"), new Spared()))
        .isTrue();
  }

  @Test
  void aClassLevelTransactionalRuleCountsForItsMethods() throws Exception {
    assertThat(
            RefusalInsideTransaction.rollsBack(OnClass.class.getMethod("inherited"), new Spared()))
        .isFalse();
    assertThat(
            RefusalInsideTransaction.rollsBack(OnClass.class.getMethod("inherited"), new Plain()))
        .isTrue();
  }

  @Test
  void refusalsAreTheExceptionsAnsweredWithA4xxAndNothingElse() {
    assertThat(RefusalInsideTransaction.isRefusal(new Plain())).isTrue();
    assertThat(
            RefusalInsideTransaction.isRefusal(
                new InvalidRequestException(
                    List.of(new FieldViolation("page", "must be a number")))))
        .isTrue();
    assertThat(RefusalInsideTransaction.isRefusal(new ConstraintViolationException(Set.of())))
        .isTrue();
    assertThat(RefusalInsideTransaction.isRefusal(new IllegalStateException("a fault"))).isFalse();
  }

  @Test
  void theCarrierIsCheckedAndGivesBackTheRefusalItCarries() {
    Plain refusal = new Plain();
    CarriedRefusal carried = new CarriedRefusal(refusal);
    assertThat(carried).isNotInstanceOf(RuntimeException.class);
    assertThat(carried.refusal()).isSameAs(refusal);
    assertThat(carried.getStackTrace()).isEmpty();
  }
}
