package dev.cleave.product.client;

import dev.cleave.platform.remote.ProblemResponseMapper;
import dev.cleave.platform.remote.RemoteProblems;
import dev.cleave.product.api.ProductCatalog;
import dev.cleave.product.api.ProductProblems;
import dev.cleave.product.api.ProductSnapshot;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.URI;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.eclipse.microprofile.rest.client.RestClientBuilder;

/**
 * {@link ProductCatalog} served by a remote product service. The REST client is built from the API
 * interface itself, so the remote call is exactly the in-process contract. Resilience lives here and
 * nowhere else: a bounded timeout, retries (the lookup is a read, so safe to repeat) and a circuit
 * breaker. Token propagation and problem+json mapping arrive with the split-services work.
 *
 * <p>Configuration: {@code cleave.product.url} (environment {@code CLEAVE_PRODUCT_URL}), the base URL
 * of the product service, for example {@code http://localhost:9082}.
 */
@ApplicationScoped
public class RemoteProductCatalog implements ProductCatalog {

  @Inject
  @ConfigProperty(name = "cleave.product.url")
  URI productServiceUrl;

  private ProductCatalog remote;

  @PostConstruct
  void connect() {
    remote = RestClientBuilder.newBuilder()
        .baseUri(productServiceUrl)
        .connectTimeout(1, TimeUnit.SECONDS)
        .readTimeout(3, TimeUnit.SECONDS)
        .register(new ProblemResponseMapper(new RemoteProblems("product", ProductProblems.TYPES)))
        .build(ProductCatalog.class);
  }

  @Override
  @Timeout(value = 4, unit = ChronoUnit.SECONDS)
  @Retry(maxRetries = 2, delay = 50, jitter = 50)
  @CircuitBreaker(requestVolumeThreshold = 10, failureRatio = 0.5, delay = 5, delayUnit = ChronoUnit.SECONDS)
  public List<ProductSnapshot> findProducts(Set<Long> ids) {
    return remote.findProducts(ids);
  }
}
