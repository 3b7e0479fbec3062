package dev.cleave.inserver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cleave.kernel.DomainException;
import dev.cleave.kernel.Money;
import dev.cleave.payment.api.AuthorizationRequest;
import dev.cleave.payment.api.CardBrand;
import dev.cleave.payment.api.CardDetails;
import dev.cleave.payment.api.CardExpiredException;
import dev.cleave.payment.api.IdempotencyKeyReusedException;
import dev.cleave.payment.api.InvalidAmountException;
import dev.cleave.payment.api.PaymentDetails;
import dev.cleave.payment.api.PaymentFailure;
import dev.cleave.payment.api.PaymentInProgressException;
import dev.cleave.payment.api.PaymentMethod;
import dev.cleave.payment.api.PaymentMethodRequest;
import dev.cleave.payment.api.PaymentNotFoundException;
import dev.cleave.payment.api.PaymentStateException;
import dev.cleave.payment.api.PaymentStatus;
import dev.cleave.payment.api.Payments;
import dev.cleave.payment.api.UnknownPaymentMethodException;
import dev.cleave.payment.internal.application.PaymentModule;
import dev.cleave.payment.internal.application.PaymentReconciler;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.inject.Inject;
import jakarta.validation.ConstraintViolationException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The payment module inside the real monolith on a real PostgreSQL: test cards, idempotency
 * (replay, in flight, reused key), the state machine, the processor's ledger as "the card
 * statement", stale payments settled, and no card number anywhere in the database. The server runs
 * with the slow card at 2 seconds ({@code CLEAVE_PAYMENT_SLOW_CARD_DELAY}).
 */
@ExtendWith(ArquillianExtension.class)
class PaymentsInServerIT {

  private static final String APPROVE = "4242424242424242";
  private static final String DECLINE = "4000000000000002";
  private static final String NO_FUNDS = "4000000000009995";
  private static final String ERROR = "4000000000000119";
  private static final String SLOW = "4000000000005209";

  @Deployment
  static WebArchive deployment() throws Exception {
    return InServerEnvironment.monolithWith(PaymentsInServerIT.class);
  }

  @Inject Payments payments;

  @Inject PaymentModule module;

  @Inject PaymentReconciler reconciler;

  @Resource(lookup = "java:comp/DefaultManagedExecutorService")
  ManagedExecutorService executor;

  private static String key() {
    return UUID.randomUUID().toString();
  }

  /** One payment method per test card and test (a replay must name the same method). */
  private final Map<String, String> methods = new ConcurrentHashMap<>();

  private static CardDetails card(String number) {
    return new CardDetails(number, 12, Instant.now().atZone(ZoneOffset.UTC).getYear() + 2, "123");
  }

  private AuthorizationRequest request(String card, String amount) {
    String token =
        methods.computeIfAbsent(
            card,
            number ->
                payments
                    .register(key(), new PaymentMethodRequest("customer-1", card(number)))
                    .token());
    return new AuthorizationRequest("customer-1", Money.of(amount, "EUR"), token);
  }

  @Test
  void aCardBecomesAPaymentMethodOnceUnderItsKey() {
    String key = key();
    PaymentMethod method =
        payments.register(key, new PaymentMethodRequest("customer-1", card(APPROVE)));
    assertThat(method.token()).matches(PaymentMethod.TOKEN);
    assertThat(method.cardBrand()).isEqualTo(CardBrand.VISA);
    assertThat(method.cardLast4()).isEqualTo("4242");
    assertThat(payments.register(key, new PaymentMethodRequest("customer-1", card(APPROVE))))
        .as("a replay")
        .isEqualTo(method);
    assertThatThrownBy(
            () ->
                payments.register(
                    key, new PaymentMethodRequest("customer-1", card("5555555555554444"))))
        .isInstanceOf(IdempotencyKeyReusedException.class);
    assertThatThrownBy(
            () -> payments.register(key, new PaymentMethodRequest("customer-2", card(APPROVE))))
        .isInstanceOf(IdempotencyKeyReusedException.class);
    assertThat(
            payments.register(key(), new PaymentMethodRequest("customer-1", card(APPROVE))).token())
        .as("another key, another method")
        .isNotEqualTo(method.token());
  }

  @Test
  void onlyTheCustomersOwnPaymentMethodsCanBeCharged() {
    String theirs =
        payments.register(key(), new PaymentMethodRequest("customer-2", card(APPROVE))).token();
    String key = key();
    assertThatThrownBy(
            () ->
                payments.authorize(
                    key, new AuthorizationRequest("customer-1", Money.of("1.00", "EUR"), theirs)))
        .isInstanceOf(UnknownPaymentMethodException.class)
        .hasMessageNotContaining(theirs);
    assertThatThrownBy(
            () ->
                payments.authorize(
                    key,
                    new AuthorizationRequest(
                        "customer-1", Money.of("1.00", "EUR"), "pm_" + "x".repeat(24))))
        .isInstanceOf(UnknownPaymentMethodException.class);
    assertThatThrownBy(() -> payments.find(key))
        .as("nothing recorded")
        .isInstanceOf(PaymentNotFoundException.class);
  }

  @Test
  void anApprovedPaymentIsCapturedOnceAndRefundedOnce() throws SQLException {
    String key = key();
    PaymentDetails authorized = payments.authorize(key, request(APPROVE, "42.50"));
    assertThat(authorized.status()).isEqualTo(PaymentStatus.AUTHORIZED);
    assertThat(authorized.cardBrand()).isEqualTo(CardBrand.VISA);
    assertThat(authorized.cardLast4()).isEqualTo("4242");
    assertThat(authorized.amount()).isEqualTo(Money.of("42.50", "EUR"));
    assertThat(payments.authorize(key, request(APPROVE, "42.50")))
        .as("a replay")
        .isEqualTo(authorized);

    PaymentDetails captured = payments.capture(key);
    assertThat(captured.status()).isEqualTo(PaymentStatus.CAPTURED);
    assertThat(payments.capture(key)).isEqualTo(captured);
    assertThatThrownBy(() -> payments.voidAuthorization(key))
        .isInstanceOf(PaymentStateException.class);
    assertThat(payments.authorize(key, request(APPROVE, "42.50")).status())
        .isEqualTo(PaymentStatus.CAPTURED);

    PaymentDetails refunded = payments.refund(key);
    assertThat(refunded.status()).isEqualTo(PaymentStatus.REFUNDED);
    assertThat(payments.refund(key)).isEqualTo(refunded);
    assertThat(payments.capture(key).status())
        .as("capturing a refunded payment changes nothing")
        .isEqualTo(PaymentStatus.REFUNDED);
    assertThat(ledger(key)).isEqualTo("APPROVED captured refunded");
  }

  @Test
  void aVoidedAuthorizationCannotBeCaptured() throws SQLException {
    String key = key();
    payments.authorize(key, request("5555555555554444", "10.00"));
    assertThat(payments.voidAuthorization(key).status()).isEqualTo(PaymentStatus.VOIDED);
    assertThat(payments.voidAuthorization(key).status()).isEqualTo(PaymentStatus.VOIDED);
    assertThatThrownBy(() -> payments.capture(key)).isInstanceOf(PaymentStateException.class);
    assertThatThrownBy(() -> payments.refund(key)).isInstanceOf(PaymentStateException.class);
    assertThat(ledger(key)).isEqualTo("APPROVED voided");
  }

  @Test
  void testCardsDecideTheOutcomeAndUnsuccessfulPaymentsHoldNothing() throws SQLException {
    record Case(String card, PaymentStatus status, PaymentFailure failure) {}
    for (Case c :
        List.of(
            new Case(DECLINE, PaymentStatus.DECLINED, PaymentFailure.CARD_DECLINED),
            new Case(NO_FUNDS, PaymentStatus.DECLINED, PaymentFailure.INSUFFICIENT_FUNDS),
            new Case(ERROR, PaymentStatus.FAILED, PaymentFailure.PROCESSOR_ERROR))) {
      String key = key();
      PaymentDetails outcome = payments.authorize(key, request(c.card(), "5.00"));
      assertThat(outcome.status()).as(c.card()).isEqualTo(c.status());
      assertThat(outcome.failure()).as(c.card()).isEqualTo(c.failure());
      assertThat(payments.authorize(key, request(c.card(), "5.00")))
          .as("replayed")
          .isEqualTo(outcome);
      assertThat(payments.voidAuthorization(key)).as("nothing to void").isEqualTo(outcome);
      assertThatThrownBy(() -> payments.capture(key)).isInstanceOf(PaymentStateException.class);
      assertThat(ledger(key)).isEqualTo(c.failure().name());
    }
  }

  @Test
  void aKeyUsedForAnotherRequestIsRefused() {
    String key = key();
    payments.authorize(key, request(APPROVE, "20.00"));
    assertThatThrownBy(() -> payments.authorize(key, request(APPROVE, "20.01")))
        .isInstanceOf(IdempotencyKeyReusedException.class)
        .extracting(e -> ((DomainException) e).problemType())
        .isEqualTo("idempotency-key-reused");
    assertThatThrownBy(() -> payments.authorize(key, request("5555555555554444", "20.00")))
        .isInstanceOf(IdempotencyKeyReusedException.class);
  }

  @Test
  void aSecondRequestWhileTheFirstIsWithTheProcessorIsRefusedThenReplayed() throws Exception {
    String key = key();
    Future<PaymentDetails> first =
        executor.submit(() -> payments.authorize(key, request(SLOW, "7.00")));
    awaitStatus(key, PaymentStatus.PROCESSING);
    assertThatThrownBy(() -> payments.authorize(key, request(SLOW, "7.00")))
        .isInstanceOf(PaymentInProgressException.class)
        .satisfies(e -> assertThat(((DomainException) e).retryAfter()).isPresent());
    assertThatThrownBy(() -> payments.capture(key)).isInstanceOf(PaymentInProgressException.class);
    PaymentDetails outcome = first.get(30, TimeUnit.SECONDS);
    assertThat(outcome.status()).isEqualTo(PaymentStatus.AUTHORIZED);
    assertThat(payments.authorize(key, request(SLOW, "7.00"))).isEqualTo(outcome);
  }

  @Test
  void aCallerThatGivesUpLeavesThePaymentToFinishOnItsOwn() throws Exception {
    String key = key();
    Future<PaymentDetails> caller =
        executor.submit(() -> payments.authorize(key, request(SLOW, "8.00")));
    awaitStatus(key, PaymentStatus.PROCESSING);
    caller.cancel(true); // what a fault-tolerance timeout does to the waiting thread
    awaitStatus(key, PaymentStatus.AUTHORIZED);
    assertThat(ledger(key)).isEqualTo("APPROVED");
  }

  @Test
  void tenConcurrentAuthorizationsUnderOneKeyReachTheProcessorOnce() throws Exception {
    String key = key();
    CountDownLatch start = new CountDownLatch(1);
    List<Future<Object>> calls = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      calls.add(
          executor.submit(
              () -> {
                start.await();
                try {
                  return payments.authorize(key, request(APPROVE, "12.00"));
                } catch (PaymentInProgressException e) {
                  return e;
                }
              }));
    }
    start.countDown();
    int authorized = 0;
    for (Future<Object> call : calls) {
      Object result = call.get(30, TimeUnit.SECONDS);
      if (result instanceof PaymentDetails details) {
        assertThat(details.status()).isEqualTo(PaymentStatus.AUTHORIZED);
        authorized++;
      } else {
        assertThat(result).isInstanceOf(PaymentInProgressException.class);
      }
    }
    assertThat(authorized).isGreaterThanOrEqualTo(1);
    assertThat(ledger(key)).isEqualTo("APPROVED");
    assertThat(count("select count(*) from payments.processor_ledger where reference = ?", key))
        .isEqualTo(1);
  }

  @Test
  void badRequestsAreRefusedBeforeAnythingIsRecorded() throws SQLException {
    String key = key();
    assertThatThrownBy(
            () ->
                payments.register(
                    key, new PaymentMethodRequest("customer-1", card("4242424242424241"))))
        .as("Luhn")
        .isInstanceOf(ConstraintViolationException.class);
    assertThatThrownBy(
            () -> payments.register(key, new PaymentMethodRequest("customer-1", card("4242-4242"))))
        .isInstanceOf(ConstraintViolationException.class);
    assertThatThrownBy(
            () ->
                payments.register(
                    key,
                    new PaymentMethodRequest(
                        "customer-1", new CardDetails(APPROVE, 1, 2020, "123"))))
        .isInstanceOf(CardExpiredException.class);
    assertThatThrownBy(
            () ->
                payments.register(
                    key,
                    new PaymentMethodRequest(
                        "customer-1", new CardDetails(APPROVE, 13, 2030, "12"))))
        .isInstanceOf(ConstraintViolationException.class);
    assertThatThrownBy(
            () -> payments.register(key, new PaymentMethodRequest("bad customer!", card(APPROVE))))
        .isInstanceOf(ConstraintViolationException.class);
    assertThat(count("select count(*) from payments.payment_methods where method_key = ?", key))
        .isZero();
    assertThatThrownBy(() -> payments.authorize(key, request(APPROVE, "0.00")))
        .isInstanceOf(InvalidAmountException.class);
    assertThatThrownBy(
            () ->
                payments.authorize(
                    key,
                    new AuthorizationRequest("customer-1", Money.of("1.00", "EUR"), "not-a-token")))
        .isInstanceOf(ConstraintViolationException.class);
    assertThatThrownBy(() -> payments.authorize("bad key!", request(APPROVE, "1.00")))
        .isInstanceOf(ConstraintViolationException.class);
    assertThatThrownBy(() -> payments.find(key)).isInstanceOf(PaymentNotFoundException.class);
    assertThatThrownBy(() -> payments.capture(key)).isInstanceOf(PaymentNotFoundException.class);
  }

  @Test
  void paymentsLeftProcessingAreSettledFromTheProcessorsRecordsOrSentAgain() throws SQLException {
    String answered = key();
    String unanswered = key();
    String declinedUnanswered = key();
    String fromBeforePaymentMethods = key();
    Instant longAgo = Instant.now().minus(Duration.ofHours(1));
    insertProcessing(answered, longAgo, null);
    insertProcessing(unanswered, longAgo, request(APPROVE, "3.00").paymentMethod());
    insertProcessing(declinedUnanswered, longAgo, request(DECLINE, "3.00").paymentMethod());
    insertProcessing(fromBeforePaymentMethods, longAgo, null);
    execute(
        "insert into payments.processor_ledger (reference, outcome, amount, currency, answered_at)"
            + " values (?, 'APPROVED', 3.00, 'EUR', now())",
        answered);

    assertThat(reconciler.settleStale(Instant.now().minus(Duration.ofMinutes(1))))
        .isGreaterThanOrEqualTo(4);

    assertThat(payments.find(answered).status()).isEqualTo(PaymentStatus.AUTHORIZED);
    assertThat(payments.find(unanswered).status())
        .as("sent again with its payment method")
        .isEqualTo(PaymentStatus.AUTHORIZED);
    assertThat(ledger(unanswered)).isEqualTo("APPROVED");
    assertThat(payments.find(declinedUnanswered).status()).isEqualTo(PaymentStatus.DECLINED);
    PaymentDetails failed = payments.find(fromBeforePaymentMethods);
    assertThat(failed.status()).as("no card to send again").isEqualTo(PaymentStatus.FAILED);
    assertThat(failed.failure()).isEqualTo(PaymentFailure.PROCESSOR_UNREACHABLE);
    assertThat(ledger(fromBeforePaymentMethods)).isNull();
  }

  @Test
  void noCardNumberOrSecurityCodeIsStoredAnywhere() throws SQLException {
    String key = key();
    payments.authorize(key, request(APPROVE, "9.99"));
    payments.capture(key);
    try (Connection c = module.dataSource().getConnection();
        Statement s = c.createStatement();
        ResultSet tables =
            s.executeQuery(
                "select table_name from information_schema.tables where table_schema ="
                    + " 'payments'")) {
      List<String> names = new ArrayList<>();
      while (tables.next()) {
        names.add(tables.getString(1));
      }
      assertThat(names)
          .contains("payments", "payment_methods", "processor_ledger", "processor_vault");
      for (String table : names) {
        try (Statement dump = c.createStatement();
            ResultSet rows = dump.executeQuery("select t::text from payments." + table + " t")) {
          while (rows.next()) {
            assertThat(rows.getString(1))
                .as(table)
                .doesNotContain(APPROVE)
                .doesNotContain("424242424242");
          }
        }
      }
    }
  }

  private void awaitStatus(String key, PaymentStatus status) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
    while (System.nanoTime() < deadline) {
      try {
        if (payments.find(key).status() == status) {
          return;
        }
      } catch (PaymentNotFoundException notYet) {
        // the first call has not recorded the payment yet
      }
      Thread.sleep(20);
    }
    throw new AssertionError("payment " + key + " never reached " + status);
  }

  private void insertProcessing(String key, Instant at, String paymentMethod) throws SQLException {
    try (Connection c = module.dataSource().getConnection();
        PreparedStatement s =
            c.prepareStatement(
                "insert into payments.payments (payment_key, customer_id, amount, currency,"
                    + " card_brand, card_last4, request_fingerprint, status, created_at,"
                    + " updated_at, payment_method) values (?, 'customer-1', 3.00, 'EUR', 'VISA',"
                    + " '4242', repeat('0', 64), 'PROCESSING', ?, ?, ?)")) {
      s.setString(1, key);
      s.setObject(2, Timestamp.from(at));
      s.setObject(3, Timestamp.from(at));
      s.setString(4, paymentMethod);
      s.executeUpdate();
    }
  }

  /** The processor's record of one payment: outcome plus the money movements on it. */
  private String ledger(String key) throws SQLException {
    try (Connection c = module.dataSource().getConnection();
        PreparedStatement s =
            c.prepareStatement(
                "select outcome || case when captured_at is null then '' else ' captured' end"
                    + " || case when voided_at is null then '' else ' voided' end"
                    + " || case when refunded_at is null then '' else ' refunded' end"
                    + " from payments.processor_ledger where reference = ?")) {
      s.setString(1, key);
      try (ResultSet rs = s.executeQuery()) {
        return rs.next() ? rs.getString(1) : null;
      }
    }
  }

  private void execute(String sql, String parameter) throws SQLException {
    try (Connection c = module.dataSource().getConnection();
        PreparedStatement s = c.prepareStatement(sql)) {
      s.setString(1, parameter);
      s.executeUpdate();
    }
  }

  private int count(String sql, String parameter) throws SQLException {
    try (Connection c = module.dataSource().getConnection();
        PreparedStatement s = c.prepareStatement(sql)) {
      s.setString(1, parameter);
      try (ResultSet rs = s.executeQuery()) {
        rs.next();
        return rs.getInt(1);
      }
    }
  }
}
