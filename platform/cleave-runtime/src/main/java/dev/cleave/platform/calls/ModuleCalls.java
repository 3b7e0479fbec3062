package dev.cleave.platform.calls;

import dev.cleave.kernel.DomainException;
import dev.cleave.platform.remote.ModuleUnavailableException;
import dev.cleave.platform.remote.RemoteBinding;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.lang.reflect.Method;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.MetricUnits;
import org.eclipse.microprofile.metrics.Tag;
import org.eclipse.microprofile.metrics.Timer;

/**
 * The module calls of this deployable: how each {@link ModuleCall} is bound here, and the timer
 * {@code cleave.module.calls} (Prometheus {@code cleave_module_calls_seconds}) with the tags {@code
 * caller}, {@code callee}, {@code binding} ({@code local} or {@code remote}), {@code operation}
 * (the calling method) and {@code outcome}:
 *
 * <ul>
 *   <li>{@code ok}: the callee answered;
 *   <li>{@code refused}: the callee answered with a business refusal (a {@link DomainException});
 *   <li>{@code unavailable}: no usable answer (refused connection, timed-out read, 5xx, or the
 *       callee said it is unavailable);
 *   <li>{@code error}: anything else, including the caller's own timeout interrupting the call.
 * </ul>
 */
@ApplicationScoped
public class ModuleCalls {

  private static final Metadata CALLS =
      Metadata.builder()
          .withName("cleave.module.calls")
          .withDescription(
              "Calls from one module to another, by caller, callee, binding (local or remote), "
                  + "operation and outcome (ok, refused, unavailable, error)")
          .withUnit(MetricUnits.SECONDS)
          .build();

  /** One kind of call: who calls whom, how, for what. */
  public record Route(String caller, String callee, String binding, String operation) {}

  private record Key(Route route, String outcome) {}

  @Inject MetricRegistry registry;

  @Inject @Any Instance<RemoteBinding<?>> remoteBindings;

  private volatile Set<String> remoteModules;
  private final Map<Method, Route> routes = new ConcurrentHashMap<>();
  private final Map<Key, Timer> timers = new ConcurrentHashMap<>();

  /**
   * {@code remote} if this deployable reaches the module through its client, {@code local}
   * otherwise.
   */
  public String bindingOf(String module) {
    Set<String> remote = remoteModules;
    if (remote == null) {
      remote =
          remoteBindings.stream()
              .map(RemoteBinding::module)
              .collect(Collectors.toUnmodifiableSet());
      remoteModules = remote;
    }
    return remote.contains(module) ? "remote" : "local";
  }

  Route route(Method method) {
    return routes.computeIfAbsent(
        method,
        m -> {
          String callee = calleeOf(m);
          return new Route(callerOf(m.getDeclaringClass()), callee, bindingOf(callee), m.getName());
        });
  }

  void record(Route route, String outcome, long nanos) {
    timers
        .computeIfAbsent(
            new Key(route, outcome),
            key ->
                registry.timer(
                    CALLS,
                    new Tag("caller", route.caller()),
                    new Tag("callee", route.callee()),
                    new Tag("binding", route.binding()),
                    new Tag("operation", route.operation()),
                    new Tag("outcome", outcome)))
        .update(Duration.ofNanos(nanos));
  }

  static String outcome(Throwable failure) {
    if (failure == null) {
      return "ok";
    }
    if (failure instanceof ModuleUnavailableException) {
      return "unavailable";
    }
    if (failure instanceof DomainException refusal) {
      return refusal.kind() == DomainException.Kind.UNAVAILABLE ? "unavailable" : "refused";
    }
    return "error";
  }

  /** The callee named by the method's {@link ModuleCall}, or else by its class's. */
  static String calleeOf(Method method) {
    ModuleCall call = method.getAnnotation(ModuleCall.class);
    if (call == null || call.value().isEmpty()) {
      call = method.getDeclaringClass().getAnnotation(ModuleCall.class);
    }
    if (call == null || call.value().isEmpty()) {
      throw new IllegalStateException(method + " is a @ModuleCall that names no module");
    }
    return call.value();
  }

  /** The module of a Cleave class: the package segment after {@code dev.cleave}. */
  static String callerOf(Class<?> type) {
    String[] segments = type.getPackageName().split("\\.");
    if (segments.length < 3 || !segments[0].equals("dev") || !segments[1].equals("cleave")) {
      throw new IllegalStateException(
          type.getName() + " makes module calls but belongs to no module");
    }
    return segments[2];
  }
}
