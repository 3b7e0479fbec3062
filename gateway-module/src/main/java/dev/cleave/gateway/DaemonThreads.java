package dev.cleave.gateway;

import java.util.concurrent.ThreadFactory;

/**
 * Threads for the gateway's background work (aggregation, shadows, health probes, discovery):
 * daemons, so none of them keeps a stopping server alive, each named for its work in thread dumps.
 */
final class DaemonThreads {

  private DaemonThreads() {}

  static ThreadFactory named(String name) {
    return task -> {
      Thread thread = new Thread(task, name);
      thread.setDaemon(true);
      return thread;
    };
  }
}
