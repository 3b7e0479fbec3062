package dev.cleave.platform.calls;

import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.spi.AnnotatedMethod;
import jakarta.enterprise.inject.spi.Extension;
import jakarta.enterprise.inject.spi.ProcessAnnotatedType;
import jakarta.enterprise.inject.spi.WithAnnotations;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;

/**
 * Finds every {@link ModuleCall} method at deployment, so that {@code /health} can name the
 * circuits in front of each callee before any call was made.
 */
public class ModuleCallsExtension implements Extension {

  /**
   * A circuit breaker in front of a module.
   *
   * @param callee the called module
   * @param method the guarded method as MicroProfile Fault Tolerance names it in its metrics
   *     ({@code fully.qualified.Class.method})
   */
  public record Circuit(String callee, String method) {}

  private final List<Circuit> circuits = new ArrayList<>();

  <T> void collect(@Observes @WithAnnotations(ModuleCall.class) ProcessAnnotatedType<T> type) {
    boolean classGuarded = type.getAnnotatedType().isAnnotationPresent(CircuitBreaker.class);
    for (AnnotatedMethod<? super T> method : type.getAnnotatedType().getMethods()) {
      boolean call =
          method.isAnnotationPresent(ModuleCall.class)
              || type.getAnnotatedType().isAnnotationPresent(ModuleCall.class);
      boolean guarded = classGuarded || method.isAnnotationPresent(CircuitBreaker.class);
      if (call
          && guarded
          && method.getJavaMember().getDeclaringClass() == type.getAnnotatedType().getJavaClass()) {
        circuits.add(
            new Circuit(
                ModuleCalls.calleeOf(method.getJavaMember()),
                method.getJavaMember().getDeclaringClass().getName()
                    + "."
                    + method.getJavaMember().getName()));
      }
    }
    circuits.sort(Comparator.comparing(Circuit::callee).thenComparing(Circuit::method));
  }

  /** Every circuit breaker in front of a module call in this deployable, by callee and method. */
  public List<Circuit> circuits() {
    return List.copyOf(circuits);
  }
}
