package dev.cleave.payment.internal.application;

import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.concurrent.Callable;
import java.util.concurrent.Future;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * The threads that talk to the card processor: a pool of its own, made by the container's {@link
 * ManagedThreadFactory} (so its threads have the application's context: CDI, JPA, transactions).
 * Not the container's shared executor: the request threads that wait for an answer run there, and
 * under a burst the processor calls would queue behind their own waiters. When every processor
 * thread is busy the caller makes the call itself (it then cannot give up early, but is never
 * refused).
 */
@ApplicationScoped
public class ProcessorThreads {

  @Resource ManagedThreadFactory threadFactory;

  @Inject PaymentConfig config;

  private volatile ThreadPoolExecutor pool;

  /** Runs a processor call on a processor thread. */
  public <T> Future<T> submit(Callable<T> call) {
    return pool().submit(call);
  }

  private ThreadPoolExecutor pool() {
    ThreadPoolExecutor current = pool;
    if (current == null) {
      synchronized (this) {
        if (pool == null) {
          pool =
              new ThreadPoolExecutor(
                  0,
                  config.processorThreads(),
                  60,
                  TimeUnit.SECONDS,
                  new SynchronousQueue<>(),
                  threadFactory,
                  new ThreadPoolExecutor.CallerRunsPolicy());
        }
        current = pool;
      }
    }
    return current;
  }

  @PreDestroy
  void stop() {
    if (pool != null) {
      pool.shutdownNow();
    }
  }
}
