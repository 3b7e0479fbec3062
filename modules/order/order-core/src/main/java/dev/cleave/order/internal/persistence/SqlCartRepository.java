package dev.cleave.order.internal.persistence;

import dev.cleave.order.internal.domain.CartItem;
import dev.cleave.order.internal.domain.CartRepository;
import dev.cleave.platform.persistence.DatabaseConstraints;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.stream.Stream;

/**
 * {@link CartRepository}: reads through JPA, changes as single SQL statements (an upsert adds units
 * atomically, and the database's range check refuses a line above the limit), so two concurrent
 * "add" requests both count.
 */
@ApplicationScoped
public class SqlCartRepository implements CartRepository {

  @PersistenceContext(unitName = "order")
  EntityManager em;

  @Override
  public List<CartItem> items(String customerId) {
    return em.createQuery(
            "select i from CartItem i where i.customerId = :customer order by i.addedAt,"
                + " i.productId",
            CartItem.class)
        .setParameter("customer", customerId)
        .getResultList();
  }

  @Override
  public boolean add(String customerId, long productId, int quantity, Instant now) {
    try {
      em.createNativeQuery(
              """
              insert into {h-schema}cart_items (customer_id, product_id, quantity, added_at, updated_at)
              values (:customer, :product, :quantity, :now, :now)
              on conflict (customer_id, product_id)
              do update set quantity = cart_items.quantity + excluded.quantity, updated_at = excluded.updated_at\
              """)
          .setParameter("customer", customerId)
          .setParameter("product", productId)
          .setParameter("quantity", quantity)
          .setParameter("now", Timestamp.from(now))
          .executeUpdate();
      return true;
    } catch (PersistenceException e) {
      if (DatabaseConstraints.violated(e, "cart_items_quantity_range")) {
        return false;
      }
      throw e;
    }
  }

  @Override
  public void set(String customerId, long productId, int quantity, Instant now) {
    em.createNativeQuery(
            """
            insert into {h-schema}cart_items (customer_id, product_id, quantity, added_at, updated_at)
            values (:customer, :product, :quantity, :now, :now)
            on conflict (customer_id, product_id)
            do update set quantity = excluded.quantity, updated_at = excluded.updated_at\
            """)
        .setParameter("customer", customerId)
        .setParameter("product", productId)
        .setParameter("quantity", quantity)
        .setParameter("now", Timestamp.from(now))
        .executeUpdate();
  }

  @Override
  public void remove(String customerId, long productId) {
    em.createNativeQuery(
            "delete from {h-schema}cart_items where customer_id = :customer and product_id ="
                + " :product")
        .setParameter("customer", customerId)
        .setParameter("product", productId)
        .executeUpdate();
  }

  @Override
  public void removeAll(String customerId, Collection<Long> productIds) {
    em.createNativeQuery(
            "delete from {h-schema}cart_items where customer_id = :customer and product_id in"
                + " (:products)")
        .setParameter("customer", customerId)
        .setParameter("products", productIds)
        .executeUpdate();
  }

  @Override
  public List<Long> productIds(String customerId) {
    Stream<?> rows =
        em.createNativeQuery(
                "select product_id from {h-schema}cart_items where customer_id = :customer",
                Long.class)
            .setParameter("customer", customerId)
            .getResultStream();
    return rows.map(Long.class::cast).toList();
  }
}
