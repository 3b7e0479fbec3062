package dev.cleave.platform.calls;

import dev.cleave.platform.topology.Health;
import dev.cleave.platform.topology.ModuleCallSample;
import dev.cleave.platform.topology.Topology;
import dev.cleave.platform.web.ProblemDetail;
import dev.cleave.platform.web.Problems;
import dev.cleave.platform.web.Roles;
import jakarta.annotation.security.PermitAll;
import jakarta.enterprise.context.RequestScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.ws.rs.ForbiddenException;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotAuthorizedException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;
import org.eclipse.microprofile.metrics.MetricID;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Snapshot;
import org.eclipse.microprofile.metrics.Timer;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * This server's place in the shape, for the topology view: the modules it hosts, its readiness, its
 * circuits and the module calls it made (from its own health checks and its {@code
 * cleave.module.calls} timers). In the monolith that is the whole shape; behind the gateway, the
 * gateway answers this path itself with every server's view ({@code TopologyServlet}), gathered
 * from what they publish.
 *
 * <p>Administrators only, unless {@code cleave.topology.open} is {@code true} (the development
 * default of {@code ./mvnw -Prun}: a workshop's screen needs no sign-in).
 */
@Path("/api/v1/topology")
@Produces({MediaType.APPLICATION_JSON, ProblemDetail.MEDIA_TYPE})
@RequestScoped
@Tag(name = "Topology")
@SecurityRequirement(name = "jwt")
public class TopologyResource {

  static final String TIMER = "cleave.module.calls";

  @Inject MetricRegistry registry;

  @Inject @Readiness Instance<HealthCheck> readiness;

  @Inject Clock clock;

  @Inject
  @ConfigProperty(name = "cleave.topology.open", defaultValue = "false")
  boolean open;

  @GET
  @PermitAll
  @Operation(
      summary = "The running shape: deployables, module calls, circuits (admin)",
      description =
          "Each deployable with the modules it hosts, its readiness and the worst state of the"
              + " circuits in front of each module it calls; each module call it made since it"
              + " started, by caller, callee, binding (`local` or `remote`) and operation, with"
              + " `count`, `failed` (no usable answer), `refused` (a business refusal) and the"
              + " timer's median and 99th percentile in seconds. Rates come from two documents:"
              + " the difference of `count` over that of `generatedAt`. Open to anyone when"
              + " `cleave.topology.open` is true.")
  @APIResponse(responseCode = "200", description = "The shape now")
  @APIResponse(responseCode = "401", description = "No valid token (when not open)")
  @APIResponse(responseCode = "403", description = "The token is not an administrator's")
  public Response topology(@Context SecurityContext security) {
    if (!open) {
      if (security.getUserPrincipal() == null) {
        throw new NotAuthorizedException(Problems.BEARER_CHALLENGE);
      }
      if (!security.isUserInRole(Roles.ADMIN)) {
        throw new ForbiddenException();
      }
    }
    Health health = Health.of(checks());
    String name = deployableName(health.modules());
    Topology.State state = health.ready() ? Topology.State.UP : Topology.State.DOWN;
    Topology.Deployable self =
        new Topology.Deployable(
            name,
            true,
            health.modules(),
            state,
            List.of(new Topology.Instance(null, state, "in process")),
            health.circuits());
    List<Topology.Deployable> deployables = List.of(self);
    Topology topology =
        new Topology(
            Topology.shapeOf(deployables),
            Instant.now(clock),
            deployables,
            Topology.calls(samples(name)));
    return Response.ok(topology.toJson().toString(), MediaType.APPLICATION_JSON)
        .header(HttpHeaders.CACHE_CONTROL, "no-store")
        .build();
  }

  /** {@code monolith} when it hosts several modules, {@code <module>-service} for one. */
  static String deployableName(List<String> modules) {
    return modules.size() == 1 ? modules.get(0) + "-service" : "monolith";
  }

  private List<Health.Check> checks() {
    List<Health.Check> checks = new ArrayList<>();
    for (HealthCheck check : readiness) {
      HealthCheckResponse answer;
      try {
        answer = check.call();
      } catch (RuntimeException e) {
        answer = HealthCheckResponse.down(check.getClass().getSimpleName());
      }
      Map<String, String> data = new TreeMap<>();
      answer
          .getData()
          .orElse(Map.of())
          .forEach((key, value) -> data.put(key, String.valueOf(value)));
      checks.add(
          new Health.Check(
              answer.getName(), answer.getStatus() == HealthCheckResponse.Status.UP, data));
    }
    return checks;
  }

  private List<ModuleCallSample> samples(String from) {
    List<ModuleCallSample> samples = new ArrayList<>();
    for (Map.Entry<MetricID, Timer> entry :
        registry.getTimers((id, metric) -> id.getName().equals(TIMER)).entrySet()) {
      Map<String, String> tags = entry.getKey().getTags();
      Timer timer = entry.getValue();
      Snapshot snapshot = timer.getSnapshot();
      samples.add(
          new ModuleCallSample(
              from,
              tags.get("caller"),
              tags.get("callee"),
              tags.get("binding"),
              tags.get("operation"),
              tags.get("outcome"),
              timer.getCount(),
              percentile(snapshot, 0.5).orElse(null),
              percentile(snapshot, 0.99).orElse(null)));
    }
    return samples;
  }

  /** A percentile the timer keeps, in seconds (its snapshot holds nanoseconds). */
  static Optional<Double> percentile(Snapshot snapshot, double which) {
    for (Snapshot.PercentileValue value : snapshot.percentileValues()) {
      if (Math.abs(value.getPercentile() - which) < 1e-9) {
        return Optional.of(value.getValue() / 1e9);
      }
    }
    return Optional.empty();
  }
}
