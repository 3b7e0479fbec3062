package dev.cleave.apitests.support;

import io.restassured.response.Response;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.IntFunction;

/** Sends requests at the same moment (all threads wait at one latch) to provoke races. */
public final class Concurrently {

  private Concurrently() {}

  /**
   * Runs {@code count} requests at once, the i-th made by {@code request.apply(i)}; responses in
   * order.
   */
  public static List<Response> send(int count, IntFunction<Response> request) {
    ExecutorService pool = Executors.newFixedThreadPool(count);
    CountDownLatch start = new CountDownLatch(1);
    try {
      List<Future<Response>> results = new ArrayList<>();
      for (int i = 0; i < count; i++) {
        int index = i;
        Callable<Response> call =
            () -> {
              start.await();
              return request.apply(index);
            };
        results.add(pool.submit(call));
      }
      start.countDown();
      List<Response> responses = new ArrayList<>();
      for (Future<Response> result : results) {
        responses.add(result.get(60, TimeUnit.SECONDS));
      }
      return responses;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    } catch (ExecutionException | TimeoutException e) {
      throw new IllegalStateException("a concurrent request failed", e);
    } finally {
      pool.shutdownNow();
    }
  }
}
