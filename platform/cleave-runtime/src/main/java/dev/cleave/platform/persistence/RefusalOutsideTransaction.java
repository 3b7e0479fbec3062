package dev.cleave.platform.persistence;

import jakarta.annotation.Priority;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;
import jakarta.transaction.TransactionalException;

/**
 * The outer half of {@link RefusalInsideTransaction}: once {@code @Transactional}'s interceptor has
 * ended the transaction, throws the domain refusal it carried, so callers see the exception the
 * method threw. Liberty hands the carried refusal back as it is when it committed (the refusal was
 * named in {@code dontRollbackOn}, or the transaction was not this method's), and wrapped in a
 * {@link TransactionalException} when the commit found the transaction marked rollback-only and
 * rolled it back.
 */
@CarriesRefusals
@Interceptor
@Priority(Interceptor.Priority.PLATFORM_BEFORE + 150)
public class RefusalOutsideTransaction {

  @AroundInvoke
  Object release(InvocationContext call) throws Exception {
    try {
      return call.proceed();
    } catch (CarriedRefusal carried) {
      throw carried.refusal();
    } catch (TransactionalException ended) {
      if (ended.getCause() instanceof CarriedRefusal carried) {
        throw carried.refusal();
      }
      throw ended;
    }
  }
}
