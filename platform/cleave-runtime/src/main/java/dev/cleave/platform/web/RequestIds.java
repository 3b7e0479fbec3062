package dev.cleave.platform.web;

import java.util.UUID;
import java.util.regex.Pattern;

/**
 * The id of the request being served on this thread. Taken from a well-formed {@code X-Request-Id}
 * header (so a gateway's id is kept end to end) or made up; echoed on every response and quoted in
 * every problem document and error log line.
 */
public final class RequestIds {

  public static final String HEADER = "X-Request-Id";
  private static final Pattern ACCEPTED = Pattern.compile("[A-Za-z0-9._:-]{1,64}");
  private static final ThreadLocal<String> CURRENT = new ThreadLocal<>();

  private RequestIds() {}

  /** The caller's id when it is safe to log and echo, otherwise a new random one. */
  public static String acceptOrCreate(String offered) {
    if (offered != null && ACCEPTED.matcher(offered).matches()) {
      return offered;
    }
    return UUID.randomUUID().toString();
  }

  /** The current request's id, or {@code null} outside a request. */
  public static String current() {
    return CURRENT.get();
  }

  static void set(String id) {
    CURRENT.set(id);
  }

  static void clear() {
    CURRENT.remove();
  }
}
