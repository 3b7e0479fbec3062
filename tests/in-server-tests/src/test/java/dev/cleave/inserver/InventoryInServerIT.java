package dev.cleave.inserver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cleave.kernel.DomainException;
import dev.cleave.product.api.Inventory;
import dev.cleave.product.api.ProductDetails;
import dev.cleave.product.api.ProductRequest;
import dev.cleave.product.api.ReservationConflictException;
import dev.cleave.product.api.ReservationDetails;
import dev.cleave.product.api.ReservationNotFoundException;
import dev.cleave.product.api.ReservationStatus;
import dev.cleave.product.api.ReservedLine;
import dev.cleave.product.api.StockReservation;
import dev.cleave.product.internal.application.CatalogService;
import dev.cleave.product.internal.application.ProductModule;
import dev.cleave.product.internal.application.ReservationSweeper;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.inject.Inject;
import jakarta.validation.ConstraintViolationException;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Stock reservations (the inventory steps of checkout) inside the real monolith on a real
 * PostgreSQL.
 */
@ExtendWith(ArquillianExtension.class)
class InventoryInServerIT {

  @Deployment
  static WebArchive deployment() throws Exception {
    return InServerEnvironment.monolithWith(InventoryInServerIT.class);
  }

  @Inject Inventory inventory;

  @Inject CatalogService catalog;

  @Inject ReservationSweeper sweeper;

  @Inject ProductModule module;

  @Resource(lookup = "java:comp/DefaultManagedExecutorService")
  ManagedExecutorService executor;

  @BeforeEach
  void haveACategory() throws SQLException {
    try (Connection c = module.dataSource().getConnection();
        Statement s = c.createStatement()) {
      s.execute(
          "insert into catalog.categories (slug, name) values ('it-stock', 'IT stock') on conflict"
              + " do nothing");
    }
  }

  private long productWithStock(int units) {
    String sku = "RES-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase(Locale.ROOT);
    long id =
        catalog
            .create(
                new ProductRequest(
                    sku, "Reserved " + sku, "", "it-stock", new BigDecimal("9.99"), "EUR"))
            .id();
    catalog.setStock(id, units);
    return id;
  }

  private static String order() {
    return UUID.randomUUID().toString();
  }

  private static StockReservation lines(long... productAndQuantity) {
    List<ReservedLine> lines = new ArrayList<>();
    for (int i = 0; i < productAndQuantity.length; i += 2) {
      lines.add(new ReservedLine(productAndQuantity[i], (int) productAndQuantity[i + 1]));
    }
    return new StockReservation(lines);
  }

  private int available(long productId) {
    return catalog.details(productId).available();
  }

  private long[] stockRow(long productId) throws SQLException {
    try (Connection c = module.dataSource().getConnection();
        Statement s = c.createStatement();
        ResultSet rs =
            s.executeQuery(
                "select on_hand, reserved from catalog.inventory_items where product_id = "
                    + productId)) {
      rs.next();
      return new long[] {rs.getLong(1), rs.getLong(2)};
    }
  }

  @Test
  void holdsStockForAnOrderUntilItIsCommitted() throws SQLException {
    long lamp = productWithStock(5);
    String order = order();
    ReservationDetails held = inventory.reserve(order, lines(lamp, 2));
    assertThat(held.status()).isEqualTo(ReservationStatus.HELD);
    assertThat(held.expiresAt()).isAfter(Instant.now());
    assertThat(available(lamp)).isEqualTo(3);
    assertThat(stockRow(lamp)).containsExactly(5, 2);

    assertThat(inventory.commit(order).status()).isEqualTo(ReservationStatus.COMMITTED);
    assertThat(stockRow(lamp)).containsExactly(3, 0);
    assertThat(inventory.commit(order).status()).isEqualTo(ReservationStatus.COMMITTED);
    assertThat(stockRow(lamp)).containsExactly(3, 0);
    assertThatThrownBy(() -> inventory.release(order))
        .isInstanceOf(ReservationConflictException.class);
  }

  @Test
  void restockingPutsCommittedUnitsBackOnce() throws SQLException {
    long lamp = productWithStock(5);
    String order = order();
    inventory.reserve(order, lines(lamp, 2));
    assertThatThrownBy(() -> inventory.restock(order))
        .as("held, not committed")
        .isInstanceOf(ReservationConflictException.class);
    inventory.commit(order);
    assertThat(inventory.restock(order).status()).isEqualTo(ReservationStatus.RESTOCKED);
    assertThat(inventory.restock(order).status()).isEqualTo(ReservationStatus.RESTOCKED);
    assertThat(stockRow(lamp)).containsExactly(5, 0);
    assertThatThrownBy(() -> inventory.commit(order))
        .isInstanceOf(ReservationConflictException.class);
    assertThatThrownBy(() -> inventory.release(order))
        .isInstanceOf(ReservationConflictException.class);
    assertThatThrownBy(() -> inventory.restock(order()))
        .isInstanceOf(ReservationNotFoundException.class);
  }

  @Test
  void releasingGivesTheUnitsBackOnce() throws SQLException {
    long lamp = productWithStock(4);
    String order = order();
    inventory.reserve(order, lines(lamp, 3));
    assertThat(inventory.release(order).status()).isEqualTo(ReservationStatus.RELEASED);
    assertThat(inventory.release(order).status()).isEqualTo(ReservationStatus.RELEASED);
    assertThat(stockRow(lamp)).containsExactly(4, 0);
    assertThatThrownBy(() -> inventory.commit(order))
        .isInstanceOf(ReservationConflictException.class);
    assertThatThrownBy(() -> inventory.commit(order()))
        .isInstanceOf(ReservationNotFoundException.class);
  }

  @Test
  void reservesAllLinesOrNone() throws SQLException {
    long plenty = productWithStock(10);
    long scarce = productWithStock(1);
    long inactive = productWithStock(10);
    catalog.deactivate(inactive);

    ReservationDetails rejected = inventory.reserve(order(), lines(plenty, 2, scarce, 2));
    assertThat(rejected.status()).isEqualTo(ReservationStatus.REJECTED);
    assertThat(rejected.unavailableProductIds()).containsExactly(scarce);
    assertThat(stockRow(plenty)).containsExactly(10, 0);

    assertThat(inventory.reserve(order(), lines(plenty, 1, inactive, 1)).unavailableProductIds())
        .containsExactly(inactive);
    assertThat(inventory.reserve(order(), lines(987_654_321L, 1)).status())
        .isEqualTo(ReservationStatus.REJECTED);
    // The same product twice counts as one line with the sum.
    assertThat(inventory.reserve(order(), lines(scarce, 1, scarce, 1)).status())
        .isEqualTo(ReservationStatus.REJECTED);
  }

  @Test
  void aRepeatedReservationReturnsTheRecordedOutcome() throws SQLException {
    long lamp = productWithStock(3);
    String order = order();
    ReservationDetails first = inventory.reserve(order, lines(lamp, 2));
    assertThat(inventory.reserve(order, lines(lamp, 2))).isEqualTo(first);
    assertThat(stockRow(lamp)).containsExactly(3, 2);
    assertThatThrownBy(() -> inventory.reserve(order, lines(lamp, 1)))
        .isInstanceOf(ReservationConflictException.class);

    String rejectedOrder = order();
    assertThat(inventory.reserve(rejectedOrder, lines(lamp, 2)).status())
        .isEqualTo(ReservationStatus.REJECTED);
    catalog.setStock(lamp, 100);
    assertThat(inventory.reserve(rejectedOrder, lines(lamp, 2)).status())
        .isEqualTo(ReservationStatus.REJECTED);
  }

  @Test
  void aHundredConcurrentOrdersNeverOversellTenUnits() throws Exception {
    long lamp = productWithStock(10);
    CountDownLatch start = new CountDownLatch(1);
    List<String> orders = new ArrayList<>();
    List<Future<ReservationDetails>> results = new ArrayList<>();
    for (int i = 0; i < 100; i++) {
      String order = order();
      orders.add(order);
      results.add(
          executor.submit(
              () -> {
                start.await();
                return inventory.reserve(order, lines(lamp, 1));
              }));
    }
    start.countDown();
    List<ReservationStatus> statuses = new ArrayList<>();
    for (Future<ReservationDetails> result : results) {
      statuses.add(result.get(60, TimeUnit.SECONDS).status());
    }
    assertThat(statuses).filteredOn(s -> s == ReservationStatus.HELD).hasSize(10);
    assertThat(statuses).filteredOn(s -> s == ReservationStatus.REJECTED).hasSize(90);
    assertThat(stockRow(lamp)).containsExactly(10, 10);
    assertThat(available(lamp)).isZero();

    for (int i = 0; i < orders.size(); i++) {
      if (statuses.get(i) == ReservationStatus.HELD) {
        inventory.commit(orders.get(i));
      }
    }
    assertThat(stockRow(lamp)).containsExactly(0, 0);
  }

  @Test
  void theSweepReleasesExpiredReservationsOnly() throws SQLException {
    long lamp = productWithStock(6);
    String expiring = order();
    String committed = order();
    inventory.reserve(expiring, lines(lamp, 2));
    inventory.reserve(committed, lines(lamp, 3));
    inventory.commit(committed);

    assertThat(sweeper.releaseExpired(Instant.now())).isZero();
    assertThat(sweeper.releaseExpired(Instant.now().plus(Duration.ofMinutes(16))))
        .isGreaterThanOrEqualTo(1);
    assertThat(stockRow(lamp)).containsExactly(3, 0);
    assertThatThrownBy(() -> inventory.commit(expiring))
        .isInstanceOf(ReservationConflictException.class);
    assertThat(inventory.commit(committed).status()).isEqualTo(ReservationStatus.COMMITTED);
  }

  @Test
  void aStockCountCannotDropBelowTheReservedUnits() throws SQLException {
    long lamp = productWithStock(5);
    inventory.reserve(order(), lines(lamp, 4));
    assertThatThrownBy(() -> catalog.setStock(lamp, 3))
        .isInstanceOfSatisfying(
            DomainException.class,
            e -> assertThat(e.problemType()).isEqualTo("stock-below-reserved"));
    assertThat(stockRow(lamp)).containsExactly(5, 4);
    ProductDetails counted = catalog.setStock(lamp, 4);
    assertThat(counted.available()).isZero();
  }

  @Test
  void refusesInvalidReservationsBeforeTouchingStock() {
    long lamp = productWithStock(5);
    assertThatThrownBy(() -> inventory.reserve(order(), lines(lamp, 0)))
        .isInstanceOf(ConstraintViolationException.class);
    assertThatThrownBy(() -> inventory.reserve("not an id!", lines(lamp, 1)))
        .isInstanceOf(ConstraintViolationException.class);
    assertThatThrownBy(() -> inventory.reserve(order(), new StockReservation(List.of())))
        .isInstanceOf(ConstraintViolationException.class);
  }
}
