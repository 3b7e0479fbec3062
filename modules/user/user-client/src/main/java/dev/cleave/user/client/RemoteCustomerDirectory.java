package dev.cleave.user.client;

import dev.cleave.platform.remote.ProblemResponseMapper;
import dev.cleave.platform.remote.RemoteProblems;
import dev.cleave.user.api.CustomerDirectory;
import dev.cleave.user.api.CustomerSummary;
import dev.cleave.user.api.UserProblems;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.URI;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.TimeUnit;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.eclipse.microprofile.rest.client.RestClientBuilder;

/**
 * {@link CustomerDirectory} served by a remote user service. The REST client is built from the API
 * interface itself, so the remote call is exactly the in-process contract. Resilience lives here and
 * nowhere else: a bounded timeout, retries (the lookup is a read, so safe to repeat) and a circuit
 * breaker. Token propagation and problem+json mapping arrive with the split-services work, which
 * also packages and tests this adapter; no deployable contains it yet.
 *
 * <p>Configuration: {@code cleave.user.url} (environment {@code CLEAVE_USER_URL}), the base URL of the
 * user service, for example {@code http://localhost:9081}.
 */
@ApplicationScoped
public class RemoteCustomerDirectory implements CustomerDirectory {

  @Inject
  @ConfigProperty(name = "cleave.user.url")
  URI userServiceUrl;

  private CustomerDirectory remote;

  @PostConstruct
  void connect() {
    remote = RestClientBuilder.newBuilder()
        .baseUri(userServiceUrl)
        .connectTimeout(1, TimeUnit.SECONDS)
        .readTimeout(3, TimeUnit.SECONDS)
        .register(new ProblemResponseMapper(new RemoteProblems("user", UserProblems.TYPES)))
        .build(CustomerDirectory.class);
  }

  @Override
  @Timeout(value = 4, unit = ChronoUnit.SECONDS)
  @Retry(maxRetries = 2, delay = 50, jitter = 50)
  @CircuitBreaker(requestVolumeThreshold = 10, failureRatio = 0.5, delay = 5, delayUnit = ChronoUnit.SECONDS)
  public CustomerSummary findCustomer(String customerId) {
    return remote.findCustomer(customerId);
  }
}
