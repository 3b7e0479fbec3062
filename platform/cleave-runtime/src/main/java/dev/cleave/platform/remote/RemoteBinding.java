package dev.cleave.platform.remote;

import dev.cleave.kernel.DomainException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.net.URI;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * What every {@code Remote<Interface>} of a {@code *-client} shares: the remote form of the module
 * API ({@link RemoteModules#connect}), made once at start-up, so that a deployable without a
 * service key or a service URL fails to start rather than to serve. A subclass implements the
 * interface by delegating each method to {@link #remote()}.
 *
 * <p>Configuration: {@code cleave.<module>.url} ({@code CLEAVE_<MODULE>_URL}), the module service's
 * base URL; {@code cleave.remote.read-timeout} (default {@code PT1.8S}, below the callers' step
 * timeouts).
 */
public abstract class RemoteBinding<T> {

  /** Default read timeout of a remote module call. */
  public static final Duration READ_TIMEOUT = Duration.ofMillis(1800);

  private final Class<T> api;
  private final String module;
  private final Map<String, Function<String, DomainException>> problems;

  @Inject ConfiguredServiceIdentity serviceIdentity;

  private volatile T remote;

  protected RemoteBinding(
      Class<T> api, String module, Map<String, Function<String, DomainException>> problems) {
    this.api = api;
    this.module = module;
    this.problems = problems;
  }

  /** The module this binding reaches, as in {@code cleave.<module>.url}. */
  public String module() {
    return module;
  }

  protected void connectAtStartup(@Observes @Initialized(ApplicationScoped.class) Object started) {
    remote();
  }

  /** The REST client of the module's service. */
  protected T remote() {
    T client = remote;
    if (client == null) {
      Config config = ConfigProvider.getConfig();
      URI url =
          URI.create(
              config
                  .getOptionalValue("cleave." + module + ".url", String.class)
                  .orElseThrow(
                      () ->
                          new IllegalStateException(
                              "The "
                                  + module
                                  + " module is remote here but has no URL: set CLEAVE_"
                                  + module.toUpperCase(Locale.ROOT)
                                  + "_URL")));
      Duration readTimeout =
          config
              .getOptionalValue("cleave.remote.read-timeout", String.class)
              .map(Duration::parse)
              .orElse(READ_TIMEOUT);
      client =
          RemoteModules.connect(
              api, url, module, problems, serviceIdentity.identity(), readTimeout);
      remote = client;
    }
    return client;
  }
}
