package dev.cleave.platform.calls;

import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;

/**
 * Times every {@link ModuleCall}. It runs inside MicroProfile Fault Tolerance (whose interceptor
 * has priority {@code PLATFORM_AFTER + 10}), so it sees each attempt that reaches the callee: a
 * retry is a second call, and a call the open circuit refused is no call at all.
 */
@ModuleCall
@Interceptor
@Priority(Interceptor.Priority.PLATFORM_AFTER + 100)
public class ModuleCallInterceptor {

  @Inject ModuleCalls calls;

  @AroundInvoke
  Object time(InvocationContext invocation) throws Exception {
    ModuleCalls.Route route = calls.route(invocation.getMethod());
    long start = System.nanoTime();
    Throwable failure = null;
    try {
      return invocation.proceed();
    } catch (Exception | Error e) {
      failure = e;
      throw e;
    } finally {
      calls.record(route, ModuleCalls.outcome(failure), System.nanoTime() - start);
    }
  }
}
