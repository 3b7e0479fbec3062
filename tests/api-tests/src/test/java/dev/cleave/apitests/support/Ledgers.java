package dev.cleave.apitests.support;

import dev.cleave.launcher.DatabaseSettings;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import org.opentest4j.TestAbortedException;

/**
 * Read-only looks into the modules' own tables, for invariants no public endpoint shows: stock on
 * hand and reserved, the state of an order's reservation and payment, and the simulated processor's
 * ledger (the customer's "card statement"), each in its module's own database (one per service in
 * the split system). Only where this run started the system; tests that need it are skipped against
 * an external system.
 */
public final class Ledgers {

  private final Function<String, DatabaseSettings> databaseOf;

  private Ledgers(Function<String, DatabaseSettings> databaseOf) {
    this.databaseOf = databaseOf;
  }

  /** The ledgers of the system under test, each read in the database of the module that owns it. */
  public static Ledgers open() {
    if (CleaveSystem.database("order").isEmpty()) {
      throw new TestAbortedException("needs the databases of a system this run started");
    }
    return new Ledgers(module -> CleaveSystem.database(module).orElseThrow());
  }

  /** The ledgers of a monolith on one database. */
  public static Ledgers of(DatabaseSettings database) {
    return new Ledgers(module -> database);
  }

  /** {on hand, reserved} of a product. */
  public int[] stock(long productId) {
    return query(
        "product",
        "select on_hand, reserved from catalog.inventory_items where product_id = ?",
        productId,
        rs -> new int[] {rs.getInt(1), rs.getInt(2)});
  }

  /** The status of the order's stock reservation, or null. */
  public String reservation(String orderId) {
    return query(
        "product",
        "select status from catalog.reservations where order_id = ?",
        orderId,
        rs -> rs.getString(1));
  }

  /** The status of the order's payment, or null. */
  public String payment(String orderId) {
    return query(
        "payment",
        "select status from payments.payments where payment_key = ?",
        orderId,
        rs -> rs.getString(1));
  }

  /** The processor's record of the order's payment ("APPROVED captured refunded", ...), or null. */
  public String statement(String orderId) {
    return query(
        "payment",
        "select outcome || case when captured_at is null then '' else ' captured' end"
            + " || case when voided_at is null then '' else ' voided' end"
            + " || case when refunded_at is null then '' else ' refunded' end"
            + " from payments.processor_ledger where reference = ?",
        orderId,
        rs -> rs.getString(1));
  }

  /** The status of an order as its table holds it, or null. */
  public String order(String orderId) {
    return query(
        "order",
        "select status from ordering.orders where id = ?::uuid",
        orderId,
        rs -> rs.getString(1));
  }

  /** The id of the customer's latest order, or null. */
  public String latestOrder(String customerId) {
    return query(
        "order",
        "select id::text from ordering.orders where customer_id = ? order by placed_at desc limit"
            + " 1",
        customerId,
        rs -> rs.getString(1));
  }

  /** How many orders a customer has. */
  public int orders(String customerId) {
    return query(
        "order",
        "select count(*) from ordering.orders where customer_id = ?",
        customerId,
        rs -> rs.getInt(1));
  }

  /** How many payments were made for a customer. */
  public int payments(String customerId) {
    return query(
        "payment",
        "select count(*) from payments.payments where customer_id = ?",
        customerId,
        rs -> rs.getInt(1));
  }

  /** How many of these orders are in each status, as the order table holds them. */
  public Map<String, Integer> orderStatuses(Collection<String> orderIds) {
    return tally(
        "order",
        "select status, count(*) from ordering.orders where id::text = any(?) group by status",
        orderIds);
  }

  /** How many of these orders' stock reservations are in each status. */
  public Map<String, Integer> reservations(Collection<String> orderIds) {
    return tally(
        "product",
        "select status, count(*) from catalog.reservations where order_id = any(?) group by status",
        orderIds);
  }

  /**
   * How many of these orders have each card statement ("APPROVED captured", ...), by the
   * processor's ledger.
   */
  public Map<String, Integer> statements(Collection<String> orderIds) {
    return tally(
        "payment",
        "select outcome || case when captured_at is null then '' else ' captured' end"
            + " || case when voided_at is null then '' else ' voided' end"
            + " || case when refunded_at is null then '' else ' refunded' end, count(*)"
            + " from payments.processor_ledger where reference = any(?) group by 1",
        orderIds);
  }

  /** How many orders, payments and payment methods these customers have, together. */
  public int[] ordersPaymentsAndMethods(Collection<String> customerIds) {
    return new int[] {
      count(
          "order", "select count(*) from ordering.orders where customer_id = any(?)", customerIds),
      count(
          "payment",
          "select count(*) from payments.payments where customer_id = any(?)",
          customerIds),
      count(
          "payment",
          "select count(*) from payments.payment_methods where customer_id = any(?)",
          customerIds)
    };
  }

  private int count(String module, String sql, Collection<String> values) {
    return withArray(
        module,
        sql,
        values,
        rs -> {
          rs.next();
          return rs.getInt(1);
        });
  }

  private Map<String, Integer> tally(String module, String sql, Collection<String> values) {
    return withArray(
        module,
        sql,
        values,
        rs -> {
          Map<String, Integer> counts = new TreeMap<>();
          while (rs.next()) {
            counts.put(rs.getString(1), rs.getInt(2));
          }
          return counts;
        });
  }

  /** Runs a query whose one parameter is an array of these values, and reads its whole result. */
  private <T> T withArray(String module, String sql, Collection<String> values, Row<T> read) {
    DatabaseSettings database = databaseOf.apply(module);
    try (Connection c =
            DriverManager.getConnection(database.jdbcUrl(), database.user(), database.password());
        PreparedStatement s = c.prepareStatement(sql)) {
      s.setArray(1, c.createArrayOf("varchar", values.toArray()));
      try (ResultSet rs = s.executeQuery()) {
        return read.read(rs);
      }
    } catch (SQLException e) {
      throw new IllegalStateException(sql, e);
    }
  }

  private interface Row<T> {
    T read(ResultSet rs) throws SQLException;
  }

  private <T> T query(String module, String sql, Object parameter, Row<T> row) {
    DatabaseSettings database = databaseOf.apply(module);
    try (Connection c =
            DriverManager.getConnection(database.jdbcUrl(), database.user(), database.password());
        PreparedStatement s = c.prepareStatement(sql)) {
      s.setObject(1, parameter);
      try (ResultSet rs = s.executeQuery()) {
        return rs.next() ? row.read(rs) : null;
      }
    } catch (SQLException e) {
      throw new IllegalStateException(sql, e);
    }
  }
}
