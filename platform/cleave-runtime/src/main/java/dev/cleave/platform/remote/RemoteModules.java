package dev.cleave.platform.remote;

import dev.cleave.kernel.DomainException;
import jakarta.ws.rs.ProcessingException;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.eclipse.microprofile.rest.client.RestClientBuilder;

/**
 * Builds the remote form of a module API: a MicroProfile REST client made from the API interface
 * itself (its JAX-RS annotations are the wire contract), which
 *
 * <ul>
 *   <li>presents this service's token and the current request id ({@link ServiceTokenFilter});
 *   <li>turns problem details back into the in-process exceptions ({@link ProblemResponseMapper});
 *   <li>turns a refused connection or a timed-out read into {@link ModuleUnavailableException}, so
 *       the caller sees the same failure whatever the transport did.
 * </ul>
 *
 * No retries and no circuit breaker here: the caller's fault-tolerance policy (for checkout, {@code
 * CheckoutSteps}) is the same in both shapes, and retrying twice would multiply load in an outage.
 */
public final class RemoteModules {

  private RemoteModules() {}

  /**
   * Connect timeout of every remote module call: a peer on the same network answers in
   * milliseconds.
   */
  public static final Duration CONNECT_TIMEOUT = Duration.ofMillis(500);

  /**
   * The remote binding of {@code api} at {@code baseUri}.
   *
   * @param module the callee's module name, as in its problem types ({@code product}, {@code
   *     payment})
   * @param problems the module's problem types ({@code <Module>Problems.TYPES})
   * @param readTimeout below the caller's own {@code @Timeout}, so the caller sees the module's
   *     answer or a clean {@link ModuleUnavailableException}, not its own timeout
   */
  public static <T> T connect(
      Class<T> api,
      URI baseUri,
      String module,
      Map<String, Function<String, DomainException>> problems,
      ServiceIdentity identity,
      Duration readTimeout) {
    T client =
        RestClientBuilder.newBuilder()
            .baseUri(baseUri)
            .connectTimeout(CONNECT_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)
            .readTimeout(readTimeout.toMillis(), TimeUnit.MILLISECONDS)
            .register(new ServiceTokenFilter(identity))
            .register(new ProblemResponseMapper(new RemoteProblems(module, problems)))
            .build(api);
    InvocationHandler translating = (proxy, method, args) -> invoke(client, method, args, module);
    return api.cast(
        Proxy.newProxyInstance(api.getClassLoader(), new Class<?>[] {api}, translating));
  }

  private static Object invoke(Object client, Method method, Object[] args, String module)
      throws Throwable {
    try {
      return method.invoke(client, args);
    } catch (InvocationTargetException e) {
      // Answers (problem details included) arrive as the exceptions ProblemResponseMapper made; a
      // ProcessingException means there was no answer: refused, reset or timed out.
      if (e.getCause() instanceof ProcessingException processing) {
        throw new ModuleUnavailableException(
            "The " + module + " module did not answer: " + processing.getMessage(), processing);
      }
      throw e.getCause();
    }
  }
}
