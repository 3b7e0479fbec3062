package dev.cleave.inserver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cleave.kernel.DomainException;
import dev.cleave.kernel.Money;
import dev.cleave.payment.api.AuthorizationRequest;
import dev.cleave.payment.api.CardDetails;
import dev.cleave.payment.api.IdempotencyKeyReusedException;
import dev.cleave.payment.api.PaymentDetails;
import dev.cleave.payment.api.PaymentMethod;
import dev.cleave.payment.api.PaymentMethodRequest;
import dev.cleave.payment.api.PaymentNotFoundException;
import dev.cleave.payment.api.PaymentProblems;
import dev.cleave.payment.api.PaymentStateException;
import dev.cleave.payment.api.PaymentStatus;
import dev.cleave.payment.api.Payments;
import dev.cleave.payment.api.UnknownPaymentMethodException;
import dev.cleave.platform.jwt.Rs256Signer;
import dev.cleave.platform.jwt.RsaKeys;
import dev.cleave.platform.remote.ModuleUnavailableException;
import dev.cleave.platform.remote.RemoteModules;
import dev.cleave.platform.remote.ServiceIdentity;
import dev.cleave.platform.validation.FieldPaths;
import dev.cleave.product.api.Inventory;
import dev.cleave.product.api.ProductCatalog;
import dev.cleave.product.api.ProductProblems;
import dev.cleave.product.api.ProductRequest;
import dev.cleave.product.api.ReservationConflictException;
import dev.cleave.product.api.ReservationDetails;
import dev.cleave.product.api.ReservationNotFoundException;
import dev.cleave.product.api.ReservationStatus;
import dev.cleave.product.api.ReservedLine;
import dev.cleave.product.api.StockReservation;
import dev.cleave.product.internal.application.CatalogService;
import dev.cleave.product.internal.application.ProductModule;
import dev.cleave.user.api.CustomerDirectory;
import dev.cleave.user.api.UserNotFoundException;
import dev.cleave.user.api.UserProblems;
import jakarta.inject.Inject;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import java.math.BigDecimal;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.interfaces.RSAPrivateCrtKey;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Function;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The remote form of every module API, called the way a split service will call it: the module's
 * own interface as a MicroProfile REST client built by {@link RemoteModules} (service token,
 * problem mapping), over real HTTP to this same server's {@code /internal/v1/...} endpoints. What
 * comes back must equal what the in-process binding answers: the same records, and the same
 * exceptions with the same messages.
 */
@ExtendWith(ArquillianExtension.class)
class RemoteFormInServerIT {

  @Deployment
  static WebArchive deployment() throws Exception {
    return InServerEnvironment.monolithWith(RemoteFormInServerIT.class);
  }

  @Inject Payments localPayments;

  @Inject ProductCatalog localCatalog;

  @Inject CustomerDirectory localCustomers;

  @Inject CatalogService catalog;

  @Inject ProductModule productModule;

  private static final CardDetails CARD = new CardDetails("4242424242424242", 12, 2030, "123");

  /** Where Arquillian deployed the monolith (its context root is the archive's name, not "/"). */
  @ArquillianResource URL deployment;

  /**
   * A remote binding as a split service builds it, presenting a service token signed with the
   * server's own key.
   */
  private <T> T remote(
      Class<T> api, String module, Map<String, Function<String, DomainException>> types)
      throws Exception {
    return RemoteModules.connect(
        api, deployment.toURI(), module, types, identity(), Duration.ofSeconds(20));
  }

  /**
   * This test plays "order-service"; the test environment lets it sign with the server's token key.
   */
  private static ServiceIdentity identity() throws Exception {
    RSAPrivateCrtKey key =
        RsaKeys.privateKey(
            Files.readString(Path.of(System.getenv("CLEAVE_JWT_PRIVATE_KEY_LOCATION"))));
    return new ServiceIdentity(
        "order-service",
        "https://cleave.dev/user",
        "cleave",
        new Rs256Signer(key),
        Clock.systemUTC());
  }

  @BeforeEach
  void haveACategory() throws SQLException {
    try (Connection c = productModule.dataSource().getConnection();
        Statement s = c.createStatement()) {
      s.execute(
          "insert into catalog.categories (slug, name) values ('it-remote', 'IT remote') on"
              + " conflict do nothing");
    }
  }

  private long product() {
    String sku = "REM-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase(Locale.ROOT);
    return catalog
        .create(
            new ProductRequest(
                sku, "Remote " + sku, "", "it-remote", new BigDecimal("4.50"), "EUR"))
        .id();
  }

  @Test
  void paymentsAnswerRemotelyAsTheyDoInProcess() throws Exception {
    Payments remote = remote(Payments.class, "payment", PaymentProblems.TYPES);
    String key = UUID.randomUUID().toString();
    PaymentMethod method = remote.register(key, new PaymentMethodRequest("customer-remote", CARD));
    assertThat(remote.register(key, new PaymentMethodRequest("customer-remote", CARD)))
        .as("replayed remotely")
        .isEqualTo(method);
    AuthorizationRequest request =
        new AuthorizationRequest("customer-remote", Money.of("12.30", "EUR"), method.token());

    PaymentDetails authorized = remote.authorize(key, request);
    assertThat(authorized.status()).isEqualTo(PaymentStatus.AUTHORIZED);
    assertThat(authorized).isEqualTo(localPayments.find(key));
    assertThat(remote.authorize(key, request)).as("replayed remotely").isEqualTo(authorized);
    assertThatThrownBy(
            () ->
                remote.authorize(
                    key,
                    new AuthorizationRequest(
                        "customer-remote", Money.of("12.31", "EUR"), method.token())))
        .isInstanceOf(IdempotencyKeyReusedException.class);
    assertThat(remote.capture(key).status()).isEqualTo(PaymentStatus.CAPTURED);
    assertThatThrownBy(() -> remote.voidAuthorization(key))
        .isInstanceOf(PaymentStateException.class);

    String missing = UUID.randomUUID().toString();
    Throwable local = catchThrowable(() -> localPayments.find(missing));
    assertThatThrownBy(() -> remote.find(missing))
        .isInstanceOf(PaymentNotFoundException.class)
        .hasMessage(local.getMessage());
    assertThatThrownBy(
            () ->
                remote.authorize(
                    UUID.randomUUID().toString(),
                    new AuthorizationRequest(
                        "other-customer", Money.of("1.00", "EUR"), method.token())))
        .isInstanceOf(UnknownPaymentMethodException.class);
    PaymentMethodRequest badCard =
        new PaymentMethodRequest("c", new CardDetails("4242424242424241", 13, 2030, "1"));
    Throwable inProcess =
        catchThrowable(() -> localPayments.register(UUID.randomUUID().toString(), badCard));
    Throwable overHttp =
        catchThrowable(() -> remote.register(UUID.randomUUID().toString(), badCard));
    assertThat(inProcess).isInstanceOf(ConstraintViolationException.class);
    assertThat(overHttp)
        .as("the contract's constraints, checked by the receiving side")
        .isInstanceOf(ConstraintViolationException.class);
    assertThat(fields(overHttp))
        .as("the same fields and messages as in-process")
        .hasSizeGreaterThanOrEqualTo(3)
        .isEqualTo(fields(inProcess));
  }

  /** {field: message} of a constraint violation, as the problem mapper names the fields. */
  private static Map<String, String> fields(Throwable violations) {
    Map<String, String> fields = new TreeMap<>();
    for (ConstraintViolation<?> violation :
        ((ConstraintViolationException) violations).getConstraintViolations()) {
      fields.put(FieldPaths.of(violation), violation.getMessage());
    }
    return fields;
  }

  @Test
  void inventoryAndCatalogAnswerRemotelyAsTheyDoInProcess() throws Exception {
    Inventory remote = remote(Inventory.class, "product", ProductProblems.TYPES);
    ProductCatalog remoteCatalog = remote(ProductCatalog.class, "product", ProductProblems.TYPES);
    long product = product();
    catalog.setStock(product, 3);

    assertThat(remoteCatalog.findProducts(Set.of(product, 999_999_999L)))
        .isEqualTo(localCatalog.findProducts(Set.of(product)));

    String order = UUID.randomUUID().toString();
    ReservationDetails held =
        remote.reserve(order, new StockReservation(List.of(new ReservedLine(product, 2))));
    assertThat(held.status()).isEqualTo(ReservationStatus.HELD);
    assertThat(held.expiresAt()).isAfter(Instant.now());
    assertThat(remote.reserve(order, new StockReservation(List.of(new ReservedLine(product, 2)))))
        .isEqualTo(held);
    assertThatThrownBy(
            () ->
                remote.reserve(order, new StockReservation(List.of(new ReservedLine(product, 1)))))
        .isInstanceOf(ReservationConflictException.class);
    assertThat(remote.commit(order).status()).isEqualTo(ReservationStatus.COMMITTED);
    assertThatThrownBy(() -> remote.release(order))
        .isInstanceOf(ReservationConflictException.class)
        .hasMessageContaining("committed");
    assertThat(remote.restock(order).status()).isEqualTo(ReservationStatus.RESTOCKED);

    ReservationDetails rejected =
        remote.reserve(
            UUID.randomUUID().toString(),
            new StockReservation(List.of(new ReservedLine(product, 4))));
    assertThat(rejected.status()).isEqualTo(ReservationStatus.REJECTED);
    assertThat(rejected.unavailableProductIds()).containsExactly(product);
    assertThatThrownBy(() -> remote.commit(UUID.randomUUID().toString()))
        .isInstanceOf(ReservationNotFoundException.class);
  }

  @Test
  void customerLookupsAnswerRemotelyAsTheyDoInProcess() throws Exception {
    CustomerDirectory remote = remote(CustomerDirectory.class, "user", UserProblems.TYPES);
    String missing = UUID.randomUUID().toString();
    Throwable local = catchThrowable(() -> localCustomers.findCustomer(missing));
    assertThatThrownBy(() -> remote.findCustomer(missing))
        .isInstanceOf(UserNotFoundException.class)
        .hasMessage(local.getMessage());
  }

  @Test
  void aModuleThatDoesNotAnswerIsUnavailableNotAnError() throws Exception {
    int closed;
    try (ServerSocket socket = new ServerSocket(0)) {
      closed = socket.getLocalPort();
    }
    Payments unreachable =
        RemoteModules.connect(
            Payments.class,
            URI.create("http://localhost:" + closed),
            "payment",
            PaymentProblems.TYPES,
            identity(),
            Duration.ofSeconds(2));
    assertThatThrownBy(() -> unreachable.find(UUID.randomUUID().toString()))
        .isInstanceOf(ModuleUnavailableException.class)
        .hasMessageContaining("payment module did not answer");
  }

  private static Throwable catchThrowable(Runnable call) {
    try {
      call.run();
    } catch (RuntimeException e) {
      return e;
    }
    throw new AssertionError("expected a refusal");
  }
}
