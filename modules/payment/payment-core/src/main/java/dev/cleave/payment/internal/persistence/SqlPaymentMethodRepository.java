package dev.cleave.payment.internal.persistence;

import dev.cleave.payment.api.CardBrand;
import dev.cleave.payment.internal.domain.PaymentMethodRepository;
import dev.cleave.payment.internal.domain.StoredPaymentMethod;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * {@link PaymentMethodRepository} in plain SQL on the {@code payment} persistence unit: a method is
 * written once and never changes, so it needs no entity.
 */
@ApplicationScoped
public class SqlPaymentMethodRepository implements PaymentMethodRepository {

  private static final String COLUMNS =
      "method_key, token, customer_id, card_brand, card_last4, expiry_month,"
          + " expiry_year, request_fingerprint, created_at";

  @PersistenceContext(unitName = "payment")
  EntityManager em;

  @Override
  public boolean add(StoredPaymentMethod method) {
    return em.createNativeQuery(
                "insert into {h-schema}payment_methods ("
                    + COLUMNS
                    + ") values (:key, :token, :customer, :brand, :last4, :month, :year,"
                    + " :fingerprint, :created) on conflict (method_key) do nothing")
            .setParameter("key", method.methodKey())
            .setParameter("token", method.token())
            .setParameter("customer", method.customerId())
            .setParameter("brand", method.cardBrand().name())
            .setParameter("last4", method.cardLast4())
            .setParameter("month", (short) method.expiryMonth())
            .setParameter("year", (short) method.expiryYear())
            .setParameter("fingerprint", method.requestFingerprint())
            .setParameter("created", Timestamp.from(method.createdAt()))
            .executeUpdate()
        == 1;
  }

  @Override
  public Optional<StoredPaymentMethod> byKey(String methodKey) {
    return one("method_key", methodKey);
  }

  @Override
  public Optional<StoredPaymentMethod> byToken(String token) {
    return one("token", token);
  }

  private Optional<StoredPaymentMethod> one(String column, String value) {
    Stream<?> rows =
        em.createNativeQuery(
                "select "
                    + COLUMNS
                    + " from {h-schema}payment_methods where "
                    + column
                    + " = :value",
                Object[].class)
            .setParameter("value", value)
            .getResultStream();
    return rows.findFirst()
        .map(
            row -> {
              Object[] r = (Object[]) row;
              return new StoredPaymentMethod(
                  (String) r[0],
                  (String) r[1],
                  (String) r[2],
                  CardBrand.valueOf((String) r[3]),
                  (String) r[4],
                  ((Number) r[5]).intValue(),
                  ((Number) r[6]).intValue(),
                  ((String) r[7]).trim(),
                  instant(r[8]));
            });
  }

  private static Instant instant(Object value) {
    if (value instanceof Instant instant) {
      return instant;
    }
    if (value instanceof OffsetDateTime offset) {
      return offset.toInstant();
    }
    if (value instanceof Timestamp timestamp) {
      return timestamp.toInstant();
    }
    throw new IllegalStateException("Unexpected timestamp type " + value.getClass());
  }
}
