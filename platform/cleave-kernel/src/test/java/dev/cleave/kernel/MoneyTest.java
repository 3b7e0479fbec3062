package dev.cleave.kernel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

class MoneyTest {

  @Test
  void normalisesAmountsToTwoFractionDigits() {
    assertThat(Money.of("12.5", "EUR").amount()).isEqualTo(new BigDecimal("12.50"));
    assertThat(Money.of("3", "USD")).isEqualTo(Money.of("3.00", "USD"));
  }

  @Test
  void rejectsFractionsOfACent() {
    assertThatThrownBy(() -> Money.of("0.001", "EUR")).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void rejectsUnknownOrLowerCaseCurrencies() {
    assertThatThrownBy(() -> Money.of("1.00", "XYZ")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Money.of("1.00", "eur")).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void rejectsAmountsTheDatabaseCannotHold() {
    assertThatThrownBy(() -> Money.of("10000000000.00", "EUR"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(Money.of("9999999999.99", "EUR").amount()).isEqualByComparingTo(Money.MAX_AMOUNT);
  }

  @Test
  void pageCountsRoundUp() {
    assertThat(Page.of(List.of(), 1, 20, 41).totalPages()).isEqualTo(3);
    assertThat(Page.of(List.of(), 1, 20, 0).totalPages()).isZero();
  }
}
