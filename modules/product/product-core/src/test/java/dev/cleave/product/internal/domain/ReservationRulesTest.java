package dev.cleave.product.internal.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cleave.product.api.ReservationStatus;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class ReservationRulesTest {

  /** A deployable's clock ticks in microseconds, as the database keeps them (ClockProducer). */
  private static final Clock CLOCK =
      Clock.fixed(Instant.parse("2026-11-24T10:00:00.123456Z"), ZoneOffset.UTC);

  @Test
  void stockIsNeverPromisedTwiceNorCountedBelowWhatIsPromised() {
    InventoryItem item = new InventoryItem(1, 5, CLOCK);
    assertThat(item.reserve(3, CLOCK)).isTrue();
    assertThat(item.available()).isEqualTo(2);
    assertThat(item.reserve(3, CLOCK)).isFalse();
    assertThat(item.count(2, CLOCK)).isFalse();
    assertThat(item.onHand()).isEqualTo(5);
    item.commitReserved(2, CLOCK);
    assertThat(item.onHand()).isEqualTo(3);
    assertThat(item.reserved()).isEqualTo(1);
    item.releaseReserved(1, CLOCK);
    assertThat(item.available()).isEqualTo(3);
    assertThatThrownBy(() -> item.releaseReserved(1, CLOCK))
        .isInstanceOf(IllegalStateException.class);
  }

  @Test
  void aReservationMovesOnlyFromHeldToCommittedOrReleased() {
    Map<Long, Integer> lines = new TreeMap<>(Map.of(2L, 1, 1L, 4));
    Reservation held = Reservation.held("order-1", lines, Duration.ofMinutes(15), CLOCK);
    assertThat(held.lines()).extracting(ReservationLine::productId).containsExactly(1L, 2L);
    assertThat(held.isFor(Map.of(1L, 4, 2L, 1))).isTrue();
    assertThat(held.isFor(Map.of(1L, 4))).isFalse();
    assertThat(held.expiresAt()).isEqualTo(Instant.parse("2026-11-24T10:15:00.123456Z"));
    assertThat(held.commit(CLOCK)).isTrue();
    assertThat(held.commit(CLOCK)).isFalse();
    assertThatThrownBy(() -> held.release(CLOCK)).isInstanceOf(IllegalStateException.class);
    assertThat(held.restock(CLOCK)).isTrue();
    assertThat(held.restock(CLOCK)).isFalse();
    assertThat(held.status()).isEqualTo(ReservationStatus.RESTOCKED);
    assertThatThrownBy(() -> held.commit(CLOCK)).isInstanceOf(IllegalStateException.class);

    Reservation rejected =
        Reservation.rejected("order-2", lines, Set.of(2L), Duration.ofMinutes(15), CLOCK);
    assertThat(rejected.status()).isEqualTo(ReservationStatus.REJECTED);
    assertThat(rejected.lines())
        .filteredOn(line -> !line.available())
        .extracting(ReservationLine::productId)
        .containsExactly(2L);
    assertThat(rejected.release(CLOCK)).isFalse();
    assertThatThrownBy(() -> rejected.commit(CLOCK)).isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> rejected.restock(CLOCK)).isInstanceOf(IllegalStateException.class);
  }
}
