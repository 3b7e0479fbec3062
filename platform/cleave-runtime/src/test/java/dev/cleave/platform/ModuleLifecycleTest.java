package dev.cleave.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cleave.platform.persistence.ModuleSchema;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ModuleLifecycleTest {

  private final ScheduledThreadPoolExecutor executor = new ScheduledThreadPoolExecutor(1);
  private final ModuleLifecycle lifecycle =
      new ModuleLifecycle(new ModuleSchema("test", "test", "classpath:none"));

  ModuleLifecycleTest() {
    executor.setRemoveOnCancelPolicy(true);
  }

  @AfterEach
  void stopExecutor() {
    executor.shutdownNow();
  }

  @Test
  void aJobThatThrowsRunsAgainAtTheNextInterval() throws InterruptedException {
    AtomicInteger runs = new AtomicInteger();
    CountDownLatch thirdRun = new CountDownLatch(3);
    lifecycle.every(
        Duration.ofMillis(5),
        "Flaky job",
        () -> {
          runs.incrementAndGet();
          thirdRun.countDown();
          throw new IllegalStateException("database away");
        },
        scheduler());

    assertThat(thirdRun.await(10, TimeUnit.SECONDS))
        .as("runs after the first one threw (a bare executor stops a task that threw)")
        .isTrue();
    assertThat(runs).hasValueGreaterThanOrEqualTo(3);
  }

  @Test
  void stopCancelsEveryJob() throws InterruptedException {
    CountDownLatch ran = new CountDownLatch(2);
    lifecycle.every(Duration.ofMillis(5), "One", ran::countDown, scheduler());
    lifecycle.every(Duration.ofMillis(5), "Two", ran::countDown, scheduler());
    assertThat(ran.await(10, TimeUnit.SECONDS)).isTrue();

    lifecycle.stop();

    assertThat(executor.getQueue()).as("nothing left scheduled").isEmpty();
  }

  @Test
  void refusesAnIntervalThatIsNotPositive() {
    assertThatThrownBy(() -> lifecycle.every(Duration.ZERO, "Sweep", () -> {}, scheduler()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("Sweep");
  }

  /** The container's scheduler stands in as a plain scheduled executor. */
  private ManagedScheduledExecutorService scheduler() {
    return (ManagedScheduledExecutorService)
        Proxy.newProxyInstance(
            getClass().getClassLoader(),
            new Class<?>[] {ManagedScheduledExecutorService.class},
            (proxy, method, args) -> {
              try {
                return ScheduledExecutorService.class
                    .getMethod(method.getName(), method.getParameterTypes())
                    .invoke(executor, args);
              } catch (InvocationTargetException e) {
                throw e.getCause();
              }
            });
  }
}
