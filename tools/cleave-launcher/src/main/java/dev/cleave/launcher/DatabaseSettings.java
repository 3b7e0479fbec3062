package dev.cleave.launcher;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Where the servers find PostgreSQL, as the environment variables that their {@code server.xml}
 * reads ({@code CLEAVE_DB_HOST}, {@code CLEAVE_DB_PORT}, {@code CLEAVE_DB_NAME}, {@code
 * CLEAVE_DB_USER}, {@code CLEAVE_DB_PASSWORD}).
 */
public record DatabaseSettings(String host, int port, String name, String user, String password) {

  /** The settings an external database was configured with, or {@code null} if none was. */
  static DatabaseSettings fromEnvironment(Map<String, String> env) {
    String host = env.get("CLEAVE_DB_HOST");
    if (host == null || host.isBlank()) {
      return null;
    }
    return new DatabaseSettings(
        host,
        Integer.parseInt(env.getOrDefault("CLEAVE_DB_PORT", "5432")),
        env.getOrDefault("CLEAVE_DB_NAME", "cleave"),
        env.getOrDefault("CLEAVE_DB_USER", "cleave"),
        env.getOrDefault("CLEAVE_DB_PASSWORD", ""));
  }

  public String jdbcUrl() {
    return "jdbc:postgresql://" + host + ":" + port + "/" + name;
  }

  public Map<String, String> toEnvironment() {
    Map<String, String> env = new LinkedHashMap<>();
    env.put("CLEAVE_DB_HOST", host);
    env.put("CLEAVE_DB_PORT", Integer.toString(port));
    env.put("CLEAVE_DB_NAME", name);
    env.put("CLEAVE_DB_USER", user);
    env.put("CLEAVE_DB_PASSWORD", password);
    return env;
  }
}
