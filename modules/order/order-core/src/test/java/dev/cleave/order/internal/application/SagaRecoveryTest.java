package dev.cleave.order.internal.application;

import static org.assertj.core.api.Assertions.assertThat;

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
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The recovery run drains a backlog in one go, and stops when nothing is left it may take. */
class SagaRecoveryTest {

  private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-02T10:00:00Z"), ZoneOffset.UTC);

  /** Unfinished orders in the table: a claim touches the order, so the next query no longer finds it. */
  static final class Backlog extends OrderRecords {
    final Set<UUID> unfinished = new LinkedHashSet<>();
    final Set<UUID> claimedElsewhere = new LinkedHashSet<>();

    @Override
    public List<UUID> unfinishedSince(Instant before, int limit) {
      return unfinished.stream().limit(limit).toList();
    }

    @Override
    public boolean claimForRecovery(UUID id, Instant before) {
      if (claimedElsewhere.contains(id)) {
        return false;
      }
      return unfinished.remove(id);
    }
  }

  static final class Driver extends CheckoutSaga {
    final List<UUID> driven = new ArrayList<>();

    @Override
    public Order drive(UUID id) {
      driven.add(id);
      return new Order(id, "customer", "key-" + id, "f".repeat(64),
          List.of(new OrderLineItem(1, "S", "Something", new BigDecimal("1.00"), 1)), "EUR", CardBrand.VISA, "4242", "pm_" + "a".repeat(24),
          DeliveryAddress.of(new Address("Ada", "1 Street", null, "10115", "Berlin", null, "DE", false)), CLOCK);
    }
  }

  static final class Counting extends OrderMetrics {
    int recovered;

    @Override
    void recovered(boolean finished) {
      recovered++;
    }
  }

  private final Backlog records = new Backlog();
  private final Driver saga = new Driver();
  private final Counting metrics = new Counting();

  private SagaRecovery recovery() {
    SagaRecovery recovery = new SagaRecovery();
    recovery.records = records;
    recovery.saga = saga;
    recovery.metrics = metrics;
    recovery.clock = CLOCK;
    return recovery;
  }

  @Test
  void oneRunDrainsABacklogOfManyBatches() {
    for (int i = 0; i < 2 * SagaRecovery.BATCH + 50; i++) {
      records.unfinished.add(UUID.randomUUID());
    }
    recovery().recover(CLOCK.instant());
    assertThat(saga.driven).hasSize(2 * SagaRecovery.BATCH + 50).doesNotHaveDuplicates();
    assertThat(records.unfinished).isEmpty();
    assertThat(metrics.recovered).isEqualTo(2 * SagaRecovery.BATCH + 50);
  }

  @Test
  void aFullBatchThatAnotherServerHoldsEndsTheRun() {
    for (int i = 0; i < SagaRecovery.BATCH; i++) {
      UUID id = UUID.randomUUID();
      records.unfinished.add(id);
      records.claimedElsewhere.add(id);
    }
    recovery().recover(CLOCK.instant());
    assertThat(saga.driven).isEmpty();
  }
}
