package dev.cleave.payment.internal.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cleave.kernel.Money;
import dev.cleave.payment.api.AuthorizationRequest;
import dev.cleave.payment.api.CardBrand;
import dev.cleave.payment.api.CardDetails;
import dev.cleave.payment.api.LuhnValid;
import dev.cleave.payment.api.PaymentFailure;
import dev.cleave.payment.api.PaymentMethodRequest;
import dev.cleave.payment.api.PaymentStateException;
import dev.cleave.payment.api.PaymentStatus;
import dev.cleave.platform.security.Sha256;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class PaymentRulesTest {

  private static final String TOKEN = "pm_" + "a".repeat(24);

  private final Clock clock = Clock.fixed(Instant.parse("2026-11-24T10:00:00Z"), ZoneOffset.UTC);

  private Payment processing() {
    return new Payment(
        "order-1",
        "customer-1",
        Money.of("10.00", "EUR"),
        TOKEN,
        CardBrand.VISA,
        "4242",
        "f".repeat(64),
        clock);
  }

  @Test
  void luhnCatchesEverySingleMistypedDigit() {
    String valid = "4242424242424242";
    assertThat(LuhnValid.Validator.passes(valid)).isTrue();
    assertThat(LuhnValid.Validator.passes("378282246310005")).isTrue();
    for (int i = 0; i < valid.length(); i++) {
      for (char d = '0'; d <= '9'; d++) {
        if (d != valid.charAt(i)) {
          String typo = valid.substring(0, i) + d + valid.substring(i + 1);
          assertThat(LuhnValid.Validator.passes(typo)).as(typo).isFalse();
        }
      }
    }
  }

  @Test
  void brandsComeFromTheIssuerPrefix() {
    assertThat(CardBrand.of("4242424242424242")).isEqualTo(CardBrand.VISA);
    assertThat(CardBrand.of("5555555555554444")).isEqualTo(CardBrand.MASTERCARD);
    assertThat(CardBrand.of("2223003122003222")).isEqualTo(CardBrand.MASTERCARD);
    assertThat(CardBrand.of("378282246310005")).isEqualTo(CardBrand.AMEX);
    assertThat(CardBrand.of("6011111111111117")).isEqualTo(CardBrand.DISCOVER);
    assertThat(CardBrand.of("3566002020360505")).isEqualTo(CardBrand.OTHER);
    assertThat(CardBrand.of(null)).isEqualTo(CardBrand.OTHER);
  }

  @Test
  void cardsNeverPrintTheirNumberOrCode() {
    CardDetails card = new CardDetails("4242424242424242", 12, 2030, "987");
    assertThat(card.toString())
        .doesNotContain("424242424242")
        .doesNotContain("987")
        .contains("4242");
    assertThat(new PaymentMethodRequest("c", card).toString())
        .doesNotContain("424242424242")
        .doesNotContain("987");
  }

  @Test
  void anAuthorizationsFingerprintCoversCustomerAmountAndPaymentMethod() {
    AuthorizationRequest base = new AuthorizationRequest("c", Money.of("1.00", "EUR"), TOKEN);
    String fingerprint = RequestFingerprint.of(base);
    assertThat(fingerprint).hasSize(64).isEqualTo(RequestFingerprint.of(base));
    assertThat(RequestFingerprint.of(new AuthorizationRequest("c", Money.of("1.01", "EUR"), TOKEN)))
        .isNotEqualTo(fingerprint);
    assertThat(RequestFingerprint.of(new AuthorizationRequest("c", Money.of("1.00", "USD"), TOKEN)))
        .isNotEqualTo(fingerprint);
    assertThat(RequestFingerprint.of(new AuthorizationRequest("d", Money.of("1.00", "EUR"), TOKEN)))
        .isNotEqualTo(fingerprint);
    assertThat(
            RequestFingerprint.of(
                new AuthorizationRequest("c", Money.of("1.00", "EUR"), "pm_" + "b".repeat(24))))
        .isNotEqualTo(fingerprint);
  }

  @Test
  void aPaymentMethodsFingerprintIgnoresTheFullNumberButNotTheCardOrCustomer() {
    PaymentMethodRequest base =
        new PaymentMethodRequest("c", new CardDetails("4242424242424242", 12, 2030, "123"));
    String fingerprint = RequestFingerprint.of(base);
    assertThat(fingerprint)
        .hasSize(64)
        .isEqualTo(RequestFingerprint.of(base))
        .as("the security code is not part of it")
        .isEqualTo(
            RequestFingerprint.of(
                new PaymentMethodRequest(
                    "c", new CardDetails("4242424242424242", 12, 2030, "999"))));
    assertThat(RequestFingerprint.of(new PaymentMethodRequest("d", base.card())))
        .isNotEqualTo(fingerprint);
    assertThat(
            RequestFingerprint.of(
                new PaymentMethodRequest(
                    "c", new CardDetails("5555555555554444", 12, 2030, "123"))))
        .isNotEqualTo(fingerprint);
    assertThat(
            RequestFingerprint.of(
                new PaymentMethodRequest(
                    "c", new CardDetails("4242424242424242", 11, 2030, "123"))))
        .isNotEqualTo(fingerprint);
    assertThat(Sha256.hex("4242424242424242"))
        .as("nothing derived from the number alone")
        .isNotEqualTo(fingerprint);
  }

  @Test
  void theStateMachineAllowsOnlyItsArrowsAndRepeatsAreNoOps() {
    Payment payment = processing();
    assertThatThrownBy(() -> payment.capture(clock)).isInstanceOf(PaymentStateException.class);
    assertThat(payment.authorized("order-1", clock)).isTrue();
    assertThat(payment.authorized("order-1", clock)).isFalse();
    assertThat(payment.unsuccessful(PaymentFailure.PROCESSOR_ERROR, null, clock))
        .as("a late answer")
        .isFalse();
    assertThatThrownBy(() -> payment.refund(clock)).isInstanceOf(PaymentStateException.class);
    assertThat(payment.capture(clock)).isTrue();
    assertThat(payment.capture(clock)).isFalse();
    assertThat(payment.capturedAt()).isNotNull();
    assertThatThrownBy(() -> payment.voidAuthorization(clock))
        .isInstanceOf(PaymentStateException.class);
    assertThat(payment.refund(clock)).isTrue();
    assertThat(payment.refund(clock)).isFalse();
    assertThat(payment.capture(clock)).isFalse();
    assertThat(payment.status()).isEqualTo(PaymentStatus.REFUNDED);
  }

  @Test
  void declinesAndFailuresAreFinalAndHoldNothingToVoid() {
    Payment declined = processing();
    assertThat(declined.unsuccessful(PaymentFailure.INSUFFICIENT_FUNDS, "order-1", clock)).isTrue();
    assertThat(declined.status()).isEqualTo(PaymentStatus.DECLINED);
    assertThat(declined.voidAuthorization(clock)).isFalse();
    assertThatThrownBy(() -> declined.capture(clock)).isInstanceOf(PaymentStateException.class);

    Payment failed = processing();
    failed.unsuccessful(PaymentFailure.PROCESSOR_UNREACHABLE, null, clock);
    assertThat(failed.status()).isEqualTo(PaymentStatus.FAILED);
    assertThat(failed.authorized("order-1", clock)).isFalse();
  }
}
