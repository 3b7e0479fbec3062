package dev.cleave.platform.calls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cleave.kernel.DomainException;
import dev.cleave.platform.remote.ModuleUnavailableException;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ModuleCallsTest {

  static class Refused extends DomainException {
    Refused(Kind kind) {
      super(kind, "refused", "Refused", "no");
    }
  }

  @ModuleCall("payment")
  static class Steps {
    @ModuleCall("product")
    void reserve() {}

    @ModuleCall
    void authorize() {}
  }

  @Test
  void theCalleeIsNamedOnTheMethodOrElseOnItsClass() throws Exception {
    assertThat(ModuleCalls.calleeOf(Steps.class.getDeclaredMethod("reserve"))).isEqualTo("product");
    assertThat(ModuleCalls.calleeOf(Steps.class.getDeclaredMethod("authorize")))
        .isEqualTo("payment");
  }

  @Test
  void theCallerIsTheModuleWhosePackageDeclaresTheMethod() {
    assertThat(ModuleCalls.callerOf(Steps.class)).isEqualTo("platform");
    assertThat(ModuleCalls.callerOf(DomainException.class)).isEqualTo("kernel");
    assertThatThrownBy(() -> ModuleCalls.callerOf(Map.class))
        .hasMessageContaining("belongs to no module");
  }

  @Test
  void outcomesTellAnswersFromRefusalsFromSilence() {
    assertThat(ModuleCalls.outcome(null)).isEqualTo("ok");
    assertThat(ModuleCalls.outcome(new Refused(DomainException.Kind.CONFLICT)))
        .isEqualTo("refused");
    assertThat(ModuleCalls.outcome(new Refused(DomainException.Kind.UNAVAILABLE)))
        .isEqualTo("unavailable");
    assertThat(ModuleCalls.outcome(new ModuleUnavailableException("down")))
        .isEqualTo("unavailable");
    assertThat(ModuleCalls.outcome(new IllegalStateException("bug"))).isEqualTo("error");
  }
}
