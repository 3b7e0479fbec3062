package dev.cleave.platform.remote;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The configured {@link ServiceIdentity} of this deployable, made on first use by a remote binding.
 * Only deployables that package a remote binding ever create it, so the monolith needs no service
 * key.
 */
@ApplicationScoped
public class ConfiguredServiceIdentity {

  @Inject
  @ConfigProperty(name = "cleave.service.name")
  Optional<String> name;

  @Inject
  @ConfigProperty(name = "cleave.service.private.key")
  Optional<String> privateKey;

  @Inject
  @ConfigProperty(name = "cleave.service.private.key.location")
  Optional<String> privateKeyLocation;

  @Inject
  @ConfigProperty(name = "cleave.jwt.issuer", defaultValue = "https://cleave.dev/user")
  String issuer;

  @Inject
  @ConfigProperty(name = "cleave.jwt.audiences", defaultValue = "cleave")
  List<String> audiences;

  private volatile ServiceIdentity identity;

  /** This service's identity; fails when none is configured. */
  public ServiceIdentity identity() {
    ServiceIdentity known = identity;
    if (known == null) {
      synchronized (this) {
        if (identity == null) {
          identity =
              ServiceIdentity.configured(
                  name, privateKey, privateKeyLocation, issuer, audiences.get(0));
        }
        known = identity;
      }
    }
    return known;
  }
}
