package dev.cleave.user.internal.application;

import dev.cleave.platform.validation.ValidatedContract;
import dev.cleave.user.api.CustomerDirectory;
import dev.cleave.user.api.CustomerSummary;
import dev.cleave.user.api.UserNotFoundException;
import dev.cleave.user.internal.domain.UserRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

/** The in-process binding of {@link CustomerDirectory}. */
@ApplicationScoped
@Transactional
@ValidatedContract
public class DefaultCustomerDirectory implements CustomerDirectory {

  @Inject UserRepository users;

  @Override
  public CustomerSummary findCustomer(String customerId) {
    return UserMapping.id(customerId)
        .flatMap(users::find)
        .map(UserMapping::customer)
        .orElseThrow(() -> new UserNotFoundException(String.valueOf(customerId)));
  }
}
