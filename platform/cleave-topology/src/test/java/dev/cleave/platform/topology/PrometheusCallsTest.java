package dev.cleave.platform.topology;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class PrometheusCallsTest {

  private static final String TEXT =
      """
      # HELP cleave_module_calls_seconds Calls from one module to another
      # TYPE cleave_module_calls_seconds summary
      cleave_module_calls_seconds{binding="remote",callee="payment",caller="order",mp_scope="application",operation="authorize",outcome="ok",quantile="0.5",} 0.012
      cleave_module_calls_seconds{binding="remote",callee="payment",caller="order",mp_scope="application",operation="authorize",outcome="ok",quantile="0.99",} 0.25
      cleave_module_calls_seconds_count{binding="remote",callee="payment",caller="order",mp_scope="application",operation="authorize",outcome="ok",} 7.0
      cleave_module_calls_seconds_sum{binding="remote",callee="payment",caller="order",mp_scope="application",operation="authorize",outcome="ok",} 0.3
      cleave_module_calls_seconds_count{binding="remote",callee="payment",caller="order",mp_scope="application",operation="authorize",outcome="unavailable",} 2.0
      cleave_module_calls_seconds_count{binding="remote",callee="payment",caller="order",operation="odd \\"name\\"",outcome="ok",} 1.0
      cleave_module_calls_seconds_count{binding="remote",callee="payment",caller="order",outcome="ok",} 3.0
      cleave_module_calls_seconds_count{binding="remote" 3.0
      cleave_module_calls_seconds_count{binding="remote",callee="x",caller="y",operation="z",outcome="ok",} NaN
      other_metric{caller="order"} 4.0
      """;

  @Test
  void readsEachSeriesCountAndItsMedianAndNinetyNinthPercentile() {
    List<ModuleCallSample> samples = PrometheusCalls.parse("order-service", TEXT);
    assertThat(samples)
        .containsExactly(
            new ModuleCallSample(
                "order-service", "order", "payment", "remote", "authorize", "ok", 7, 0.012, 0.25),
            new ModuleCallSample(
                "order-service",
                "order",
                "payment",
                "remote",
                "authorize",
                "unavailable",
                2,
                null,
                null),
            new ModuleCallSample(
                "order-service",
                "order",
                "payment",
                "remote",
                "odd \"name\"",
                "ok",
                1,
                null,
                null));
  }

  @Test
  void labelsWithEscapesAndTrailingCommasAreRead() {
    assertThat(PrometheusCalls.labels("a=\"x\\\\y\",b=\"line\\nbreak\","))
        .hasValueSatisfying(
            labels ->
                assertThat(labels).containsEntry("a", "x\\y").containsEntry("b", "line\nbreak"));
    assertThat(PrometheusCalls.labels("a=x")).isEmpty();
    assertThat(PrometheusCalls.labels("a=\"open")).isEmpty();
  }
}
