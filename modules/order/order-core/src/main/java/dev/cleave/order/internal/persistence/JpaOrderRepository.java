package dev.cleave.order.internal.persistence;

import dev.cleave.kernel.Money;
import dev.cleave.kernel.Page;
import dev.cleave.order.api.OrderStatus;
import dev.cleave.order.api.OrderSummary;
import dev.cleave.order.internal.domain.Order;
import dev.cleave.order.internal.domain.OrderRepository;
import dev.cleave.platform.persistence.DatabaseConstraints;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** {@link OrderRepository} on the {@code order} persistence unit. */
@ApplicationScoped
public class JpaOrderRepository implements OrderRepository {

  /**
   * The states whose saga still has work to do (the partial index orders_unfinished_idx lists the
   * same).
   */
  private static final EnumSet<OrderStatus> UNFINISHED =
      EnumSet.copyOf(
          Arrays.stream(OrderStatus.values()).filter(status -> !status.isSettled()).toList());

  @PersistenceContext(unitName = "order")
  EntityManager em;

  @Override
  public Optional<Order> find(UUID id) {
    return Optional.ofNullable(em.find(Order.class, id));
  }

  /**
   * A query, not {@code em.find(..., PESSIMISTIC_WRITE)}: find joins the eager lines, and
   * PostgreSQL cannot lock the nullable side of an outer join, so Hibernate would lock in a second
   * select and warn each time. The query locks the order row alone; the lines (never changed) load
   * after it.
   */
  @Override
  public Optional<Order> lock(UUID id) {
    return em.createQuery("select o from CustomerOrder o where o.id = :id", Order.class)
        .setParameter("id", id)
        .setLockMode(LockModeType.PESSIMISTIC_WRITE)
        .getResultStream()
        .findFirst();
  }

  @Override
  public Optional<Order> findByKey(String customerId, String idempotencyKey) {
    return em.createQuery(
            "select o from CustomerOrder o where o.customerId = :customer and o.idempotencyKey ="
                + " :key",
            Order.class)
        .setParameter("customer", customerId)
        .setParameter("key", idempotencyKey)
        .getResultStream()
        .findFirst();
  }

  @Override
  public boolean add(Order order) {
    return DatabaseConstraints.insert(em, order, "orders_customer_idempotency_key");
  }

  @Override
  public Page<OrderSummary> list(String customerId, OrderStatus status, int page, int size) {
    StringBuilder where = new StringBuilder(" where 1 = 1");
    if (customerId != null) {
      where.append(" and o.customerId = :customer");
    }
    if (status != null) {
      where.append(" and o.status = :status");
    }
    TypedQuery<Object[]> query =
        em.createQuery(
                "select o.id, o.customerId, o.status, o.totalAmount, o.currency,"
                    + " o.placedAt, o.updatedAt from CustomerOrder o"
                    + where
                    + " order by o.placedAt desc, o.id",
                Object[].class)
            .setFirstResult((page - 1) * size)
            .setMaxResults(size);
    TypedQuery<Long> count =
        em.createQuery("select count(o) from CustomerOrder o" + where, Long.class);
    if (customerId != null) {
      query.setParameter("customer", customerId);
      count.setParameter("customer", customerId);
    }
    if (status != null) {
      query.setParameter("status", status);
      count.setParameter("status", status);
    }
    List<OrderSummary> items =
        query.getResultList().stream()
            .map(
                row ->
                    new OrderSummary(
                        row[0].toString(),
                        (String) row[1],
                        (OrderStatus) row[2],
                        new Money((BigDecimal) row[3], (String) row[4]),
                        (Instant) row[5],
                        (Instant) row[6]))
            .toList();
    return Page.of(items, page, size, count.getSingleResult());
  }

  @Override
  public List<UUID> unfinishedSince(Instant before, int limit) {
    return em.createQuery(
            """
            select o.id from CustomerOrder o
            where o.status in :unfinished and o.updatedAt < :before
            order by o.updatedAt\
            """,
            UUID.class)
        .setParameter("unfinished", UNFINISHED)
        .setParameter("before", before)
        .setMaxResults(limit)
        .getResultList();
  }
}
