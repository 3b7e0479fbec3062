package dev.cleave.order.internal.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cleave.order.internal.domain.DeliveryAddress;
import dev.cleave.order.internal.domain.Order;
import dev.cleave.order.internal.domain.OrderLineItem;
import dev.cleave.payment.api.CardBrand;
import dev.cleave.user.api.Address;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The recovery run drains a backlog in one go, a bounded number of drives at a time, and stops when
 * nothing is left it may take.
 */
class SagaRecoveryTest {

  private static final Clock CLOCK =
      Clock.fixed(Instant.parse("2026-12-02T10:00:00Z"), ZoneOffset.UTC);

  /**
   * Unfinished orders in the table: a claim touches the order, so the next query no longer finds
   * it.
   */
  static final class Backlog extends OrderTransactions {
    final Set<UUID> unfinished = new LinkedHashSet<>();
    final Set<UUID> claimedElsewhere = new LinkedHashSet<>();

    @Override
    public synchronized List<UUID> unfinishedSince(Instant before, int limit) {
      return unfinished.stream().limit(limit).toList();
    }

    @Override
    public synchronized boolean claimForRecovery(UUID id, Instant before) {
      if (claimedElsewhere.contains(id)) {
        return false;
      }
      return unfinished.remove(id);
    }
  }

  /**
   * Records the drives; the first {@code meetUp} drives wait for each other, so they must overlap.
   */
  static final class Driver extends CheckoutSaga {
    final List<UUID> driven = Collections.synchronizedList(new ArrayList<>());
    final AtomicInteger inFlight = new AtomicInteger();
    final AtomicInteger mostInFlight = new AtomicInteger();
    CountDownLatch meetUp = new CountDownLatch(0);
    UUID failing;

    @Override
    public Order drive(UUID id) {
      mostInFlight.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
      try {
        meetUp.countDown();
        meetUp.await(5, TimeUnit.SECONDS);
        if (id.equals(failing)) {
          throw new IllegalStateException("the database went away");
        }
        driven.add(id);
        return new Order(
            id,
            "customer",
            "key-" + id,
            "f".repeat(64),
            List.of(new OrderLineItem(1, "S", "Something", new BigDecimal("1.00"), 1)),
            "EUR",
            CardBrand.VISA,
            "4242",
            "pm_" + "a".repeat(24),
            DeliveryAddress.of(
                new Address("Ada", "1 Street", null, "10115", "Berlin", null, "DE", false)),
            CLOCK);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      } finally {
        inFlight.decrementAndGet();
      }
    }
  }

  static final class Counting extends OrderMetrics {
    final AtomicInteger recovered = new AtomicInteger();

    @Override
    void recovered(boolean finished) {
      recovered.incrementAndGet();
    }
  }

  private final Backlog transactions = new Backlog();
  private final Driver saga = new Driver();
  private final Counting metrics = new Counting();

  private final ExecutorService executor = Executors.newCachedThreadPool();

  @AfterEach
  void stopExecutor() {
    executor.shutdownNow();
  }

  private SagaRecovery recovery(int concurrency) {
    SagaRecovery recovery = new SagaRecovery();
    recovery.transactions = transactions;
    recovery.saga = saga;
    recovery.metrics = metrics;
    recovery.clock = CLOCK;
    recovery.executor = executor;
    recovery.config = new OrderConfig();
    recovery.config.recoveryConcurrency = concurrency;
    return recovery;
  }

  private void backlog(int orders) {
    for (int i = 0; i < orders; i++) {
      transactions.unfinished.add(UUID.randomUUID());
    }
  }

  @ParameterizedTest
  @ValueSource(ints = {1, 4})
  void oneRunDrainsABacklogOfManyBatchesDrivingEachOrderOnce(int concurrency) {
    backlog(2 * SagaRecovery.BATCH + 50);
    int finished = recovery(concurrency).recover(CLOCK.instant());
    assertThat(finished).isZero(); // the driver leaves every order where it was (PLACED)
    assertThat(saga.driven).hasSize(2 * SagaRecovery.BATCH + 50).doesNotHaveDuplicates();
    assertThat(transactions.unfinished).isEmpty();
    assertThat(metrics.recovered).hasValue(2 * SagaRecovery.BATCH + 50);
  }

  @Test
  void drivesExactlyAsManyOrdersAtOnceAsConfigured() {
    backlog(SagaRecovery.BATCH);
    saga.meetUp = new CountDownLatch(4);
    recovery(4).recover(CLOCK.instant());
    assertThat(saga.mostInFlight).as("most drives in flight at once").hasValue(4);
    assertThat(saga.driven).hasSize(SagaRecovery.BATCH);
  }

  @Test
  void aConcurrencyOfOneDrivesOnTheSchedulersOwnThread() {
    backlog(10);
    recovery(1).recover(CLOCK.instant());
    assertThat(saga.mostInFlight).hasValue(1);
    assertThat(saga.driven).hasSize(10);
  }

  @Test
  void aFailedDriveEndsTheRunAfterTheDrivesInFlight() {
    backlog(3 * SagaRecovery.BATCH);
    saga.failing = transactions.unfinished.iterator().next();
    assertThatThrownBy(() -> recovery(4).recover(CLOCK.instant()))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("the database went away");
    assertThat(saga.driven)
        .as("no new batch after the failure")
        .hasSizeLessThan(SagaRecovery.BATCH);
    assertThat(transactions.unfinished).hasSizeGreaterThanOrEqualTo(2 * SagaRecovery.BATCH);
  }

  @Test
  void aFullBatchThatAnotherServerHoldsEndsTheRun() {
    for (int i = 0; i < SagaRecovery.BATCH; i++) {
      UUID id = UUID.randomUUID();
      transactions.unfinished.add(id);
      transactions.claimedElsewhere.add(id);
    }
    recovery(4).recover(CLOCK.instant());
    assertThat(saga.driven).isEmpty();
  }
}
