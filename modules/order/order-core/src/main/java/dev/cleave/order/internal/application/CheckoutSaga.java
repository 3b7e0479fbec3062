package dev.cleave.order.internal.application;

import dev.cleave.kernel.DomainException;
import dev.cleave.order.api.OrderStatus;
import dev.cleave.order.internal.domain.Order;
import dev.cleave.payment.api.AuthorizationRequest;
import dev.cleave.payment.api.PaymentDetails;
import dev.cleave.payment.api.PaymentInProgressException;
import dev.cleave.payment.api.PaymentNotFoundException;
import dev.cleave.payment.api.PaymentStateException;
import dev.cleave.payment.api.PaymentStatus;
import dev.cleave.product.api.ReservationConflictException;
import dev.cleave.product.api.ReservationDetails;
import dev.cleave.product.api.ReservationNotFoundException;
import dev.cleave.product.api.ReservedLine;
import dev.cleave.product.api.StockReservation;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The checkout saga, orchestrated: reserve stock (product) → authorize payment (payment) → commit
 * stock and capture payment → confirmed; on a refusal, compensate in reverse (void, release) and
 * end in a clear final state. Cancelling a confirmed order refunds and restocks.
 *
 * <p>Rules that make it safe to run any number of times, from any persisted state, by the request
 * thread or the recovery job (or both at once):
 *
 * <ul>
 *   <li>every call to another module is keyed by the order id and idempotent (see {@link
 *       CheckoutSteps});
 *   <li>each state is committed before the next step starts; a transition happens only from the
 *       state it was computed from (a racing driver finds the order moved and continues from
 *       there);
 *   <li>an unknown outcome (timeout, open circuit, payment still processing) stops the drive and
 *       leaves the order where it is; recovery repeats the same call later;
 *   <li>the card itself is known only to the request that placed the order, which registered it
 *       with the payment module before the order was made; the order keeps the payment method's
 *       token, so whoever drives (the request or recovery, after an outage) authorizes with the
 *       token, and a repeated authorization returns the recorded outcome. An order placed before
 *       payment methods existed has no token: recovery reads its payment back ({@code find}), and a
 *       payment that never started is a failed checkout (stock released, nothing charged).
 * </ul>
 */
@ApplicationScoped
public class CheckoutSaga {

  private static final Logger LOG = Logger.getLogger(CheckoutSaga.class.getName());
  private static final Set<OrderStatus> FAILURES =
      EnumSet.of(OrderStatus.REJECTED, OrderStatus.PAYMENT_DECLINED, OrderStatus.FAILED);

  /**
   * More moves than the longest path (CONFIRMED → CANCELLED via a race) never happen in one drive.
   */
  private static final int MAX_MOVES = 8;

  @Inject OrderTransactions transactions;

  @Inject CheckoutSteps steps;

  @Inject FaultInjection faults;

  @Inject OrderMetrics metrics;

  /**
   * Drives an order as far as it can go now.
   *
   * @return the order as it then stands
   */
  public Order drive(UUID id) {
    return drive(transactions.find(id).orElseThrow());
  }

  /**
   * Drives an order, starting from the state the caller just read or wrote.
   *
   * @return the order as this driver last saw it persisted
   */
  public Order drive(Order order) {
    return drive(order, status -> false);
  }

  /**
   * Drives an order for the request that just placed it: as {@link #drive(Order)}, unless the
   * test-only {@code cleave.order.fault.stop-after} hook leaves it to recovery at one of its
   * states.
   */
  public Order drivePlaced(Order order) {
    return drive(order, faults::stopsPlacingAt);
  }

  private Order drive(Order order, Predicate<OrderStatus> stopAt) {
    Order current = order;
    for (int moves = 0; moves < MAX_MOVES && !current.status().isSettled(); moves++) {
      Optional<Order> next = step(current);
      if (next.isEmpty()) {
        break;
      }
      current = next.get();
      if (stopAt.test(current.status())) {
        break;
      }
    }
    return current;
  }

  private Optional<Order> step(Order order) {
    return switch (order.status()) {
      case PLACED -> reserve(order);
      case STOCK_RESERVED -> pay(order);
      case PAYMENT_AUTHORIZED -> complete(order);
      case CANCELLING -> cancel(order);
      default -> Optional.empty();
    };
  }

  private Optional<Order> reserve(Order order) {
    StockReservation lines =
        new StockReservation(
            order.lines().stream()
                .map(line -> new ReservedLine(line.productId(), line.quantity()))
                .toList());
    Optional<ReservationDetails> reservation;
    try {
      reservation = steps.reserve(id(order), lines);
    } catch (ReservationConflictException e) {
      return unknown(order, "reserve", e); // a first reserve for this order is under way elsewhere
    }
    if (reservation.isEmpty()) {
      return unknown(order, "reserve", null);
    }
    return switch (reservation.get().status()) {
      case HELD -> move(order, OrderStatus.STOCK_RESERVED, null);
      case REJECTED ->
          move(
              order,
              OrderStatus.REJECTED,
              "Not available in the quantities ordered: products "
                  + reservation.get().unavailableProductIds());
      // held earlier, then released by expiry before this order could move on (a long outage)
      case RELEASED ->
          move(order, OrderStatus.FAILED, "The stock reservation expired before payment.");
      default ->
          unknown(
              order,
              "reserve",
              new IllegalStateException("reservation is " + reservation.get().status()));
    };
  }

  private Optional<Order> pay(Order order) {
    Optional<PaymentDetails> payment;
    try {
      payment =
          order.paymentMethod() != null
              ? steps.authorize(
                  id(order),
                  new AuthorizationRequest(
                      order.customerId(), order.total(), order.paymentMethod()))
              : steps.payment(id(order));
    } catch (PaymentInProgressException e) {
      return unknown(order, "authorize", e);
    } catch (PaymentNotFoundException e) {
      // An order from before payment methods: its placing request never reached the payment module,
      // and only that request had the card.
      return releaseAndMove(
          order,
          OrderStatus.FAILED,
          "Checkout was interrupted before the payment was made; " + "nothing was charged.");
    } catch (DomainException e) {
      return releaseAndMove(
          order, OrderStatus.FAILED, "The payment was refused: " + e.getMessage());
    }
    if (payment.isEmpty()) {
      return unknown(order, "authorize", null);
    }
    PaymentDetails outcome = payment.get();
    return switch (outcome.status()) {
      case PROCESSING -> unknown(order, "authorize", null);
      case AUTHORIZED, CAPTURED -> {
        Optional<Order> moved = move(order, OrderStatus.PAYMENT_AUTHORIZED, null);
        if (moved.isPresent() && FAILURES.contains(moved.get().status())) {
          // Recovery gave up on this order while its payment was being authorized: let the money
          // go.
          steps.voidPayment(id(order));
        }
        yield moved;
      }
      case DECLINED ->
          releaseAndMove(
              order,
              OrderStatus.PAYMENT_DECLINED,
              "The card was declined (" + outcome.failure().name().toLowerCase(Locale.ROOT) + ").");
      case FAILED ->
          releaseAndMove(
              order,
              OrderStatus.FAILED,
              "The payment failed ("
                  + outcome.failure().name().toLowerCase(Locale.ROOT)
                  + "); nothing was charged.");
      case VOIDED, REFUNDED ->
          releaseAndMove(order, OrderStatus.FAILED, "The payment was cancelled.");
    };
  }

  private Optional<Order> complete(Order order) {
    try {
      if (steps.commitStock(id(order)).isEmpty()) {
        return unknown(order, "commit", null);
      }
    } catch (ReservationConflictException | ReservationNotFoundException e) {
      // The reservation expired (and was released) before the order could commit it: undo the
      // payment.
      if (steps.voidPayment(id(order)).isEmpty()) {
        return unknown(order, "void", null);
      }
      return move(
          order,
          OrderStatus.FAILED,
          "The stock reservation expired before the payment completed; " + "nothing was charged.");
    }
    try {
      if (steps.capture(id(order)).isEmpty()) {
        return unknown(order, "capture", null);
      }
    } catch (PaymentStateException e) {
      if (steps.restock(id(order)).isEmpty()) {
        return unknown(order, "restock", null);
      }
      return move(
          order, OrderStatus.FAILED, "The payment could not be captured: " + e.getMessage());
    }
    return move(order, OrderStatus.CONFIRMED, null);
  }

  private Optional<Order> cancel(Order order) {
    Optional<PaymentDetails> payment = steps.payment(id(order));
    if (payment.isEmpty()) {
      return unknown(order, "payment lookup", null);
    }
    PaymentStatus status = payment.get().status();
    Optional<PaymentDetails> undone =
        switch (status) {
          case CAPTURED -> steps.refund(id(order));
          case AUTHORIZED -> steps.voidPayment(id(order));
          default -> payment;
        };
    if (undone.isEmpty()) {
      return unknown(order, "refund", null);
    }
    try {
      if (steps.restock(id(order)).isEmpty()) {
        return unknown(order, "restock", null);
      }
    } catch (ReservationConflictException e) {
      LOG.warning(() -> "Order " + order.id() + ": nothing to restock (" + e.getMessage() + ")");
    }
    return move(order, OrderStatus.CANCELLED, null);
  }

  private Optional<Order> releaseAndMove(Order order, OrderStatus to, String reason) {
    try {
      if (steps.releaseStock(id(order)).isEmpty()) {
        return unknown(order, "release", null);
      }
    } catch (ReservationConflictException | ReservationNotFoundException e) {
      LOG.warning(() -> "Order " + order.id() + ": nothing to release (" + e.getMessage() + ")");
    }
    return move(order, to, reason);
  }

  /**
   * One persisted transition; when another driver moved the order first, continue from where it is.
   */
  private Optional<Order> move(Order order, OrderStatus to, String reason) {
    Optional<Order> moved = transactions.transition(order.id(), order.status(), to, reason);
    if (moved.isEmpty()) {
      return transactions.find(order.id());
    }
    faults.reached(to);
    if (to.isSettled()) {
      metrics.settled(moved.get());
    }
    return moved;
  }

  private Optional<Order> unknown(Order order, String step, Exception cause) {
    LOG.log(
        cause == null ? Level.INFO : Level.FINE,
        "Order "
            + order.id()
            + ": outcome of "
            + step
            + " unknown for now; it stays "
            + order.status()
            + " for recovery",
        cause);
    return Optional.empty();
  }

  private static String id(Order order) {
    return order.id().toString();
  }
}
