package dev.cleave.user.client;

import dev.cleave.platform.remote.RemoteBinding;
import dev.cleave.user.api.CustomerDirectory;
import dev.cleave.user.api.CustomerSummary;
import dev.cleave.user.api.UserProblems;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * {@link CustomerDirectory} served by the remote user service: the interface as a MicroProfile REST
 * client ({@link RemoteBinding}), presenting this service's token, with the module's problem
 * details turned back into the exceptions the in-process binding throws. A deployable packages this
 * class or the user module's core, never both.
 *
 * <p>Configuration: {@code cleave.user.url} ({@code CLEAVE_USER_URL}), the base URL of the user
 * service, and {@code cleave.remote.read-timeout} (default {@code PT1.8S}, below the callers' step
 * timeouts).
 */
@ApplicationScoped
public class RemoteCustomerDirectory extends RemoteBinding<CustomerDirectory>
    implements CustomerDirectory {

  public RemoteCustomerDirectory() {
    super(CustomerDirectory.class, "user", UserProblems.TYPES);
  }

  @Override
  public CustomerSummary findCustomer(String customerId) {
    return remote().findCustomer(customerId);
  }
}
