package dev.cleave.product.client;

import dev.cleave.platform.remote.RemoteBinding;
import dev.cleave.product.api.Inventory;
import dev.cleave.product.api.ProductProblems;
import dev.cleave.product.api.ReservationDetails;
import dev.cleave.product.api.StockReservation;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * {@link Inventory} served by the remote product service: the interface as a MicroProfile REST
 * client ({@link RemoteBinding}), presenting this service's token, with the module's problem
 * details turned back into the exceptions the in-process binding throws. A deployable packages this
 * class or the product module's core, never both.
 *
 * <p>Configuration: {@code cleave.product.url} ({@code CLEAVE_PRODUCT_URL}), the base URL of the
 * product service, and {@code cleave.remote.read-timeout} (default {@code PT1.8S}, below the
 * callers' step timeouts).
 */
@ApplicationScoped
public class RemoteInventory extends RemoteBinding<Inventory> implements Inventory {

  public RemoteInventory() {
    super(Inventory.class, "product", ProductProblems.TYPES);
  }

  @Override
  public ReservationDetails reserve(String orderId, StockReservation request) {
    return remote().reserve(orderId, request);
  }

  @Override
  public ReservationDetails commit(String orderId) {
    return remote().commit(orderId);
  }

  @Override
  public ReservationDetails release(String orderId) {
    return remote().release(orderId);
  }

  @Override
  public ReservationDetails restock(String orderId) {
    return remote().restock(orderId);
  }
}
