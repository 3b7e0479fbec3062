package dev.cleave.kernel;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cleave.kernel.DomainException.Kind;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class DomainExceptionTest {

  /** The statuses every module's API documents; a change here is a change of the public API. */
  @Test
  void eachKindIsAnsweredWithItsDocumentedStatus() {
    Map<Kind, Integer> documented = new EnumMap<>(Kind.class);
    documented.put(Kind.NOT_FOUND, 404);
    documented.put(Kind.CONFLICT, 409);
    documented.put(Kind.UNPROCESSABLE, 422);
    documented.put(Kind.FORBIDDEN, 403);
    documented.put(Kind.UNAUTHENTICATED, 401);
    documented.put(Kind.THROTTLED, 429);
    documented.put(Kind.UNAVAILABLE, 503);

    assertThat(Arrays.stream(Kind.values()).collect(Collectors.toMap(k -> k, Kind::status)))
        .isEqualTo(documented);
  }
}
