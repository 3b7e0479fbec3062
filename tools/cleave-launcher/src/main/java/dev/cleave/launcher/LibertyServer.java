package dev.cleave.launcher;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * One Liberty server process ({@code wlp/bin/server run NAME}) with Cleave's environment, stopped
 * gracefully with {@code server stop} and, failing that, killed with all its child processes.
 */
public final class LibertyServer implements AutoCloseable {

  private final Path wlp;
  private final String name;
  private final int httpPort;
  private final Map<String, String> environment;
  private final Path log;
  private final Process process;
  private final Instant launchedAt;

  private LibertyServer(
      Path wlp,
      String name,
      int httpPort,
      Map<String, String> environment,
      Path log,
      Process process) {
    this.wlp = wlp;
    this.name = name;
    this.httpPort = httpPort;
    this.environment = environment;
    this.log = log;
    this.process = process;
    this.launchedAt = Instant.now();
  }

  /**
   * Launches the server.
   *
   * @param wlp the Liberty installation ({@code .../wlp})
   * @param name the server name under {@code wlp/usr/servers}
   * @param httpPort the HTTP port ({@code CLEAVE_HTTP_PORT})
   * @param environment further environment variables (database, keys, ...)
   * @param log where the server's console goes; {@code null} to inherit this process's console
   */
  public static LibertyServer launch(
      Path wlp, String name, int httpPort, Map<String, String> environment, Path log) {
    return launch(wlp, name, httpPort, environment, log, false);
  }

  /**
   * Launches this server again, with the same port, environment and console (appended to): what a
   * supervisor does after a crash. This instance must have ended first ({@link #kill()} or {@link
   * #close()}).
   */
  public LibertyServer relaunch() {
    if (process.isAlive()) {
      throw new IllegalStateException("Liberty server " + name + " is still running");
    }
    return launch(wlp, name, httpPort, environment, log, true);
  }

  private static LibertyServer launch(
      Path wlp,
      String name,
      int httpPort,
      Map<String, String> environment,
      Path log,
      boolean append) {
    Path script = wlp.resolve("bin/server");
    if (!Files.isExecutable(script)) {
      throw new IllegalStateException(
          "No Liberty installation at " + wlp + ": build first (./mvnw verify -DskipTests)");
    }
    if (!Files.isDirectory(wlp.resolve("usr/servers").resolve(name))) {
      throw new IllegalStateException(
          "No server '"
              + name
              + "' in "
              + wlp
              + ": build it first (./mvnw install -DskipTests; the gateway, the services and"
              + " the extractions with -Psplit)");
    }
    Map<String, String> env = new LinkedHashMap<>(environment);
    env.put("CLEAVE_HTTP_PORT", Integer.toString(httpPort));
    ProcessBuilder builder = new ProcessBuilder(script.toString(), "run", name);
    builder.environment().putAll(env);
    if (log == null) {
      builder.inheritIO();
    } else {
      try {
        Files.createDirectories(log.getParent());
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      builder
          .redirectErrorStream(true)
          .redirectOutput(
              append
                  ? ProcessBuilder.Redirect.appendTo(log.toFile())
                  : ProcessBuilder.Redirect.to(log.toFile()));
    }
    try {
      return new LibertyServer(wlp, name, httpPort, env, log, builder.start());
    } catch (IOException e) {
      throw new UncheckedIOException("Could not launch Liberty server " + name, e);
    }
  }

  /**
   * Stops an instance of this server left running by an earlier run that died without stopping it
   * (its launcher was killed): Liberty holds {@code workarea/.sLock} for as long as the server
   * runs, so a lock held by another process is a server still running there. It is stopped with
   * {@code server stop}, as any clean stop would.
   *
   * @param environment the server's environment ({@code WLP_OUTPUT_DIR}, else this process's, names
   *     where its files are)
   * @return whether there was one to stop
   */
  public static boolean stopLeftover(Path wlp, String name, Map<String, String> environment) {
    String outputDir = environment.getOrDefault("WLP_OUTPUT_DIR", System.getenv("WLP_OUTPUT_DIR"));
    Path output =
        outputDir == null || outputDir.isBlank() ? wlp.resolve("usr/servers") : Path.of(outputDir);
    Path lock = output.resolve(name).resolve("workarea/.sLock");
    if (!Files.isRegularFile(lock) || !lockedElsewhere(lock)) {
      return false;
    }
    try {
      ProcessBuilder stop =
          new ProcessBuilder(wlp.resolve("bin/server").toString(), "stop", name)
              .redirectErrorStream(true)
              .redirectOutput(ProcessBuilder.Redirect.DISCARD);
      stop.environment().putAll(environment);
      Process stopping = stop.start();
      if (!stopping.waitFor(90, TimeUnit.SECONDS)) {
        stopping.destroyForcibly();
      }
    } catch (IOException e) {
      throw new UncheckedIOException(
          "Could not stop the Liberty server " + name + " left running", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
    if (lockedElsewhere(lock)) {
      throw new IllegalStateException(
          "A Liberty server "
              + name
              + " left running by an earlier run does not stop; "
              + "stop it by hand ("
              + wlp.resolve("bin/server")
              + " stop "
              + name
              + ")");
    }
    return true;
  }

  private static boolean lockedElsewhere(Path lock) {
    try (FileChannel channel = FileChannel.open(lock, StandardOpenOption.WRITE)) {
      FileLock held = channel.tryLock();
      if (held == null) {
        return true;
      }
      held.release();
      return false;
    } catch (OverlappingFileLockException e) {
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  public String name() {
    return name;
  }

  public URI baseUri() {
    return URI.create("http://localhost:" + httpPort);
  }

  /** The environment it was launched with (what a second instance of it would need). */
  public Map<String, String> environment() {
    return Map.copyOf(environment);
  }

  /** Where the server's console goes, unless it shares the launcher's. */
  public Optional<Path> log() {
    return Optional.ofNullable(log);
  }

  public long pid() {
    return process.pid();
  }

  /**
   * Waits until {@code /health/ready} answers 200, polling; fails early if the process dies.
   *
   * @return how long the server took from launch to ready
   */
  public Duration awaitReady(Duration timeout) {
    HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
    HttpRequest ready =
        HttpRequest.newBuilder(baseUri().resolve("/health/ready"))
            .timeout(Duration.ofSeconds(5))
            .GET()
            .build();
    Instant deadline = Instant.now().plus(timeout);
    String last = "no answer yet";
    while (Instant.now().isBefore(deadline)) {
      if (!process.isAlive()) {
        throw new IllegalStateException(
            "Liberty server " + name + " exited with code " + process.exitValue());
      }
      try {
        HttpResponse<String> response = client.send(ready, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() == 200) {
          return Duration.between(launchedAt, Instant.now());
        }
        last = response.statusCode() + " " + response.body();
      } catch (IOException e) {
        last = e.toString();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted while waiting for " + name, e);
      }
      pause(Duration.ofMillis(250));
    }
    throw new IllegalStateException(
        "Liberty server " + name + " not ready after " + timeout + ": " + last);
  }

  /** Completes when the server process ends. */
  public CompletableFuture<Process> onExit() {
    return process.onExit();
  }

  /** The process's exit code; only once it has ended. */
  public int exitValue() {
    return process.exitValue();
  }

  /** Blocks until the server process ends. */
  public int waitFor() throws InterruptedException {
    return process.waitFor();
  }

  /**
   * Kills the server and its child processes at once ({@code SIGKILL}), as a crash or an OOM killer
   * would: no shutdown hooks, no graceful end of requests in flight. Returns when they are gone.
   */
  public void kill() {
    List<ProcessHandle> tree = new ArrayList<>(process.descendants().toList());
    tree.add(process.toHandle());
    tree.forEach(ProcessHandle::destroyForcibly);
    for (ProcessHandle handle : tree) {
      try {
        handle.onExit().get(30, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted while killing " + name, e);
      } catch (ExecutionException | TimeoutException e) {
        throw new IllegalStateException(
            "Liberty server " + name + " (pid " + handle.pid() + ") outlived a kill", e);
      }
    }
  }

  /** Stops the server: {@code server stop}, then a kill of whatever is left after 30 seconds. */
  @Override
  public void close() {
    if (!process.isAlive()) {
      return;
    }
    List<ProcessHandle> tree = new ArrayList<>(process.descendants().toList());
    tree.add(process.toHandle());
    try {
      ProcessBuilder stop =
          new ProcessBuilder(wlp.resolve("bin/server").toString(), "stop", name)
              .redirectErrorStream(true)
              .redirectOutput(ProcessBuilder.Redirect.DISCARD);
      stop.environment().putAll(environment);
      stop.start().waitFor(40, TimeUnit.SECONDS);
      process.waitFor(30, TimeUnit.SECONDS);
    } catch (IOException e) {
      // fall through to the kill below
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    for (ProcessHandle handle : tree) {
      if (handle.isAlive()) {
        handle.destroyForcibly();
      }
    }
  }

  private static void pause(Duration duration) {
    try {
      Thread.sleep(duration.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
