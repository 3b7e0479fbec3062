package dev.cleave.platform.calls;

import jakarta.enterprise.util.Nonbinding;
import jakarta.interceptor.InterceptorBinding;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a method that calls another module through its API: every call is timed and counted by
 * caller, callee, binding and outcome ({@link ModuleCallInterceptor}), and its circuit breaker, if
 * it has one, is reported under the callee in {@code /health} ({@link DownstreamHealthCheck}).
 *
 * <p>The caller is the module whose package declares the method ({@code dev.cleave.<module>...});
 * the binding is {@code remote} when the deployable packages the callee's client, {@code local}
 * when it packages its core. Neither is written here, so the same code reports correctly in every
 * shape.
 */
@InterceptorBinding
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.TYPE})
public @interface ModuleCall {

  /**
   * The called module, as in {@code cleave.<module>.url}: {@code user}, {@code product}, {@code
   * payment}.
   */
  @Nonbinding
  String value() default "";
}
