package dev.cleave.platform.persistence;

import dev.cleave.kernel.DomainException;
import dev.cleave.platform.web.InvalidRequestException;
import jakarta.annotation.Priority;
import jakarta.annotation.Resource;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;
import jakarta.transaction.Status;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;
import jakarta.validation.ConstraintViolationException;
import java.lang.reflect.Method;

/**
 * The inner half of how a refusal (a {@link DomainException}, or bad input found inside a
 * transaction: {@link InvalidRequestException}, {@link ConstraintViolationException}) leaves a
 * {@code @Transactional} method: it marks the transaction rollback-only, as {@code @Transactional}
 * does for any runtime exception not named in {@code dontRollbackOn}, and hands the refusal to
 * Liberty's transaction interceptor wrapped as a checked {@link CarriedRefusal}; {@link
 * RefusalOutsideTransaction} unwraps it once the transaction has ended.
 *
 * <p>Why: Liberty writes an FFDC incident (probe {@code UOWManagerImpl.runUnderCurrentUOW 1130})
 * for every runtime exception that leaves a transactional method, so each "not found", "conflict"
 * or "out of stock" answer wrote one, and anyone could fill a server's {@code logs/ffdc/} with
 * expected refusals (issue 15). It writes none for a checked exception. Rollback (or commit, for a
 * refusal named in {@code dontRollbackOn}), the caller's view of the exception and unexpected
 * failures (still FFDC, as they should be) are unchanged.
 *
 * <p>Runs inside the transaction ({@code @Transactional}'s interceptor has priority {@code
 * PLATFORM_BEFORE + 200}).
 */
@CarriesRefusals
@Interceptor
@Priority(Interceptor.Priority.LIBRARY_BEFORE)
public class RefusalInsideTransaction {

  @Resource(lookup = "java:comp/TransactionSynchronizationRegistry")
  TransactionSynchronizationRegistry transactions;

  @AroundInvoke
  Object carry(InvocationContext call) throws Exception {
    try {
      return call.proceed();
    } catch (RuntimeException refusal) {
      if (!isRefusal(refusal)) {
        throw refusal;
      }
      if (rollsBack(call.getMethod(), refusal)
          && transactions.getTransactionStatus() == Status.STATUS_ACTIVE) {
        transactions.setRollbackOnly();
      }
      throw new CarriedRefusal(refusal);
    }
  }

  /** An answer the problem mappers give a 4xx status, as opposed to a fault. */
  static boolean isRefusal(RuntimeException exception) {
    return exception instanceof DomainException
        || exception instanceof InvalidRequestException
        || exception instanceof ConstraintViolationException;
  }

  /**
   * The {@code @Transactional} rule for a runtime exception: roll back unless {@code
   * dontRollbackOn}.
   */
  static boolean rollsBack(Method method, RuntimeException refusal) {
    Transactional rule = method.getAnnotation(Transactional.class);
    if (rule == null) {
      rule = method.getDeclaringClass().getAnnotation(Transactional.class);
    }
    if (rule == null) {
      return true;
    }
    for (Class<?> spared : rule.dontRollbackOn()) {
      if (spared.isInstance(refusal)) {
        return false;
      }
    }
    return true;
  }
}
