package dev.cleave.product.internal.application;

import dev.cleave.product.api.CategorySummary;
import dev.cleave.product.api.ProductDetails;
import dev.cleave.product.api.ProductSnapshot;
import dev.cleave.product.api.ReservationDetails;
import dev.cleave.product.api.ReservedLine;
import dev.cleave.product.internal.domain.Category;
import dev.cleave.product.internal.domain.Product;
import dev.cleave.product.internal.domain.Reservation;
import dev.cleave.product.internal.domain.ReservationLine;
import java.util.List;

/**
 * Translations between the catalog's aggregates (products, reservations) and the module's API
 * records.
 */
final class ProductMapping {

  private ProductMapping() {}

  /** A product as the API shows it, with the units available now. */
  static ProductDetails details(Product product, int available) {
    Category category = product.category();
    return new ProductDetails(
        product.id(),
        product.sku(),
        product.name(),
        product.description(),
        new CategorySummary(category.slug(), category.name(), null),
        product.price(),
        available,
        product.isActive(),
        product.updatedAt());
  }

  static ProductSnapshot snapshot(Product product) {
    return new ProductSnapshot(
        product.id(), product.sku(), product.name(), product.price(), product.isActive());
  }

  static ReservationDetails details(Reservation reservation) {
    List<ReservedLine> lines =
        reservation.lines().stream()
            .map(line -> new ReservedLine(line.productId(), line.quantity()))
            .toList();
    List<Long> unavailable =
        reservation.lines().stream()
            .filter(line -> !line.available())
            .map(ReservationLine::productId)
            .toList();
    return new ReservationDetails(
        reservation.orderId(), reservation.status(), lines, unavailable, reservation.expiresAt());
  }
}
