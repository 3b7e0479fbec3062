package dev.cleave.user.internal.application;

import dev.cleave.kernel.DomainException;
import dev.cleave.platform.web.Problems;
import java.time.Duration;

/** Too many failed logins for this account or client address: wait before trying again. */
class LoginThrottledException extends DomainException {

  LoginThrottledException(Duration wait) {
    super(
        Kind.THROTTLED,
        "login-throttled",
        "Too many failed logins",
        "Too many failed logins for this account or address; try again in " + seconds(wait) + ".",
        wait);
  }

  private static String seconds(Duration wait) {
    String seconds = Problems.retryAfterSeconds(wait);
    return seconds.equals("1") ? "1 second" : seconds + " seconds";
  }
}
