package dev.cleave.platform.validation;

import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Validator;
import java.util.Set;

/**
 * Validates the parameters of calls to a {@link ValidatedContract} bean against the constraints of
 * the interface method it implements. Liberty's built-in method validation did not apply them to
 * in-process calls (measured: a reservation of 0 units reached the domain), which would make the
 * monolith accept what a split service refuses. Runs before {@code @Transactional} (priority 200).
 */
@ValidatedContract
@Interceptor
@Priority(Interceptor.Priority.PLATFORM_BEFORE + 100)
public class ContractValidationInterceptor {

  @Inject Validator validator;

  @AroundInvoke
  Object validate(InvocationContext call) throws Exception {
    Set<ConstraintViolation<Object>> violations =
        validator
            .forExecutables()
            .validateParameters(call.getTarget(), call.getMethod(), call.getParameters());
    if (!violations.isEmpty()) {
      throw new ConstraintViolationException(violations);
    }
    return call.proceed();
  }
}
