package dev.cleave.order.internal.application;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cleave.kernel.Money;
import dev.cleave.order.api.OrderStatus;
import dev.cleave.order.internal.domain.DeliveryAddress;
import dev.cleave.order.internal.domain.Order;
import dev.cleave.order.internal.domain.OrderLineItem;
import dev.cleave.payment.api.AuthorizationRequest;
import dev.cleave.payment.api.CardBrand;
import dev.cleave.payment.api.PaymentDetails;
import dev.cleave.payment.api.PaymentFailure;
import dev.cleave.payment.api.PaymentInProgressException;
import dev.cleave.payment.api.PaymentStateException;
import dev.cleave.payment.api.PaymentStatus;
import dev.cleave.product.api.ReservationConflictException;
import dev.cleave.product.api.ReservationDetails;
import dev.cleave.product.api.ReservationStatus;
import dev.cleave.product.api.StockReservation;
import dev.cleave.user.api.Address;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The saga's branches, each from a persisted state and a scripted answer of the other modules, with
 * no server: which calls it makes, in which order, and where the order ends. The API suite runs the
 * same paths against real modules in every shape; this says why each path ends where it does.
 */
class CheckoutSagaTest {

  private static final Clock CLOCK =
      Clock.fixed(Instant.parse("2026-12-04T10:00:00Z"), ZoneOffset.UTC);

  /** The orders, in memory; a transition happens only from the state it was computed from. */
  static final class Orders extends OrderTransactions {
    final Map<UUID, Order> byId = new HashMap<>();

    /** Another driver's move, made just before this driver's next transition. */
    OrderStatus raceTo;

    @Override
    public Optional<Order> find(UUID id) {
      return Optional.ofNullable(byId.get(id));
    }

    @Override
    public Optional<Order> transition(UUID id, OrderStatus from, OrderStatus to, String reason) {
      Order order = byId.get(id);
      if (raceTo != null) {
        order.moveTo(raceTo, "moved by another driver", CLOCK);
        raceTo = null;
      }
      if (order.status() != from) {
        return Optional.empty();
      }
      order.moveTo(to, reason, CLOCK);
      return Optional.of(order);
    }
  }

  /** The other modules, scripted: each step answers what its supplier gives, and is recorded. */
  static final class Steps extends CheckoutSteps {
    final List<String> calls = new ArrayList<>();
    Supplier<Optional<ReservationDetails>> reserve = () -> reservationNow(ReservationStatus.HELD);
    Supplier<Optional<PaymentDetails>> authorize = () -> paymentNow(PaymentStatus.AUTHORIZED, null);
    Supplier<Optional<PaymentDetails>> payment = () -> paymentNow(PaymentStatus.CAPTURED, null);
    Supplier<Optional<ReservationDetails>> commit =
        () -> reservationNow(ReservationStatus.COMMITTED);
    Supplier<Optional<PaymentDetails>> capture = () -> paymentNow(PaymentStatus.CAPTURED, null);

    @Override
    public Optional<ReservationDetails> reserve(String orderId, StockReservation lines) {
      calls.add("reserve");
      return reserve.get();
    }

    @Override
    public Optional<PaymentDetails> authorize(String orderId, AuthorizationRequest request) {
      calls.add("authorize");
      return authorize.get();
    }

    @Override
    public Optional<PaymentDetails> payment(String orderId) {
      calls.add("payment");
      return payment.get();
    }

    @Override
    public Optional<ReservationDetails> commitStock(String orderId) {
      calls.add("commit");
      return commit.get();
    }

    @Override
    public Optional<PaymentDetails> capture(String orderId) {
      calls.add("capture");
      return capture.get();
    }

    @Override
    public Optional<ReservationDetails> releaseStock(String orderId) {
      calls.add("release");
      return reservationNow(ReservationStatus.RELEASED);
    }

    @Override
    public Optional<ReservationDetails> restock(String orderId) {
      calls.add("restock");
      return reservationNow(ReservationStatus.RESTOCKED);
    }

    @Override
    public Optional<PaymentDetails> voidPayment(String orderId) {
      calls.add("void");
      return paymentNow(PaymentStatus.VOIDED, null);
    }

    @Override
    public Optional<PaymentDetails> refund(String orderId) {
      calls.add("refund");
      return paymentNow(PaymentStatus.REFUNDED, null);
    }
  }

  private static Optional<ReservationDetails> reservationNow(ReservationStatus status) {
    return Optional.of(
        new ReservationDetails(
            "order",
            status,
            List.of(),
            status == ReservationStatus.REJECTED ? List.of(7L) : List.of(),
            CLOCK.instant()));
  }

  private static Optional<PaymentDetails> paymentNow(PaymentStatus status, PaymentFailure failure) {
    return Optional.of(
        new PaymentDetails(
            "order",
            "customer-1",
            status,
            Money.of("5.00", "EUR"),
            CardBrand.VISA,
            "4242",
            failure,
            CLOCK.instant(),
            CLOCK.instant()));
  }

  private final Orders orders = new Orders();
  private final Steps steps = new Steps();
  private final CheckoutSaga saga = new CheckoutSaga();
  private Order order;

  @BeforeEach
  void placeAnOrder() {
    saga.transactions = orders;
    saga.steps = steps;
    saga.faults = new FaultInjection();
    saga.metrics =
        new OrderMetrics() {
          @Override
          void settled(Order settled) {}
        };
    order =
        new Order(
            UUID.randomUUID(),
            "customer-1",
            "key-1",
            "f".repeat(64),
            List.of(new OrderLineItem(7, "BOWL", "Bowl", new BigDecimal("2.50"), 2)),
            "EUR",
            CardBrand.VISA,
            "4242",
            "pm_" + "a".repeat(24),
            DeliveryAddress.of(
                new Address("Ada", "1 Street", null, "10115", "Berlin", null, "DE", false)),
            CLOCK);
    orders.byId.put(order.id(), order);
  }

  @Test
  void aCheckoutReservesAuthorizesCommitsAndCapturesThenIsConfirmed() {
    assertThat(saga.drive(order.id()).status()).isEqualTo(OrderStatus.CONFIRMED);
    assertThat(steps.calls).containsExactly("reserve", "authorize", "commit", "capture");
  }

  @Test
  void stockNotAvailableRejectsTheOrderBeforeAnyPayment() {
    steps.reserve = () -> reservationNow(ReservationStatus.REJECTED);

    Order rejected = saga.drive(order.id());

    assertThat(rejected.status()).isEqualTo(OrderStatus.REJECTED);
    assertThat(rejected.failureReason()).contains("[7]");
    assertThat(steps.calls).containsExactly("reserve");
  }

  @Test
  void aDeclinedCardReleasesTheStock() {
    steps.authorize = () -> paymentNow(PaymentStatus.DECLINED, PaymentFailure.CARD_DECLINED);

    Order declined = saga.drive(order.id());

    assertThat(declined.status()).isEqualTo(OrderStatus.PAYMENT_DECLINED);
    assertThat(declined.failureReason()).contains("card_declined");
    assertThat(steps.calls).containsExactly("reserve", "authorize", "release");
  }

  @Test
  void anUnknownOutcomeLeavesTheOrderWhereItIsAndRecoveryFinishesIt() {
    steps.authorize = Optional::empty; // a timeout or an open circuit

    assertThat(saga.drive(order.id()).status()).isEqualTo(OrderStatus.STOCK_RESERVED);
    assertThat(steps.calls).containsExactly("reserve", "authorize");

    steps.authorize =
        () -> {
          throw new PaymentInProgressException("order");
        };
    assertThat(saga.drive(order.id()).status())
        .as("the first authorization is still with the processor")
        .isEqualTo(OrderStatus.STOCK_RESERVED);

    steps.authorize = () -> paymentNow(PaymentStatus.AUTHORIZED, null);
    assertThat(saga.drive(order.id()).status()).isEqualTo(OrderStatus.CONFIRMED);
    assertThat(steps.calls)
        .as("recovery repeats the same keyed call, and never reserves again")
        .containsExactly("reserve", "authorize", "authorize", "authorize", "commit", "capture");
  }

  @Test
  void aReservationThatExpiredBeforeCommitVoidsThePayment() {
    steps.commit =
        () -> {
          throw new ReservationConflictException("released by expiry");
        };

    Order failed = saga.drive(order.id());

    assertThat(failed.status()).isEqualTo(OrderStatus.FAILED);
    assertThat(failed.failureReason()).contains("nothing was charged");
    assertThat(steps.calls).containsExactly("reserve", "authorize", "commit", "void");
  }

  @Test
  void aPaymentThatCannotBeCapturedRestocksTheCommittedStock() {
    steps.capture =
        () -> {
          throw new PaymentStateException("The payment was voided.");
        };

    Order failed = saga.drive(order.id());

    assertThat(failed.status()).isEqualTo(OrderStatus.FAILED);
    assertThat(steps.calls).containsExactly("reserve", "authorize", "commit", "capture", "restock");
  }

  @Test
  void cancellingAConfirmedOrderRefundsThenRestocks() {
    saga.drive(order.id());
    order.moveTo(OrderStatus.CANCELLING, null, CLOCK);
    steps.calls.clear();

    assertThat(saga.drive(order.id()).status()).isEqualTo(OrderStatus.CANCELLED);
    assertThat(steps.calls).containsExactly("payment", "refund", "restock");
  }

  @Test
  void aDriverThatFindsTheOrderMovedByAnotherContinuesFromThereAndLetsTheMoneyGo() {
    order.moveTo(OrderStatus.STOCK_RESERVED, null, CLOCK);
    // Recovery gives up on the order while this driver's authorization is with the processor.
    orders.raceTo = OrderStatus.FAILED;

    Order settled = saga.drive(order.id());

    assertThat(settled.status()).isEqualTo(OrderStatus.FAILED);
    assertThat(steps.calls).containsExactly("authorize", "void");
  }
}
