package dev.cleave.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;

class ModuleCallStatsTest {

  private static String scrape(long authorizeCount, double authorizeSum) {
    return """
    # TYPE cleave_module_calls_seconds summary
    cleave_module_calls_seconds_count{binding="remote",callee="payment",caller="order",mp_scope="application",operation="authorize",outcome="ok"} %d
    cleave_module_calls_seconds_sum{binding="remote",callee="payment",caller="order",mp_scope="application",operation="authorize",outcome="ok"} %s
    cleave_module_calls_seconds_count{binding="remote",callee="payment",caller="order",mp_scope="application",operation="capture",outcome="ok"} 10
    cleave_module_calls_seconds_sum{binding="remote",callee="payment",caller="order",mp_scope="application",operation="capture",outcome="ok"} 0.02
    cleave_module_calls_seconds_count{binding="local",callee="product",caller="order",mp_scope="application",operation="reserve",outcome="unavailable"} 3
    cleave_module_calls_seconds{binding="local",callee="product",caller="order",mp_scope="application",operation="reserve",outcome="ok",quantile="0.5"} 0.001
    """
        .formatted(authorizeCount, authorizeSum);
  }

  @Test
  void meanPerCalleeAndBindingBetweenTwoScrapesOfSuccessfulCalls() {
    Map<String, double[]> before = ModuleCallStats.scrape(scrape(100, 0.5));
    Map<String, double[]> after = ModuleCallStats.scrape(scrape(300, 1.5));

    List<ModuleCallStats.Calls> calls = ModuleCallStats.between(before, after);

    assertThat(calls).hasSize(1);
    assertThat(calls.get(0).callee()).isEqualTo("payment");
    assertThat(calls.get(0).binding()).isEqualTo("remote");
    assertThat(calls.get(0).count()).isEqualTo(200);
    assertThat(calls.get(0).meanMs()).isCloseTo(5.0, Offset.offset(1e-9));
    assertThat(after).doesNotContainKey("product/local");
  }
}
