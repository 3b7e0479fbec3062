package dev.cleave.platform.topology;

/**
 * One series of the timer {@code cleave.module.calls} as one deployable recorded it: calls of one
 * operation with one outcome, their number and the timer's own median and 99th percentile (in
 * seconds; {@code null} when the timer publishes none).
 *
 * @param from the deployable that made the calls
 * @param caller the calling module
 * @param callee the called module
 * @param binding {@code local} or {@code remote}
 * @param operation the called method
 * @param outcome {@code ok}, {@code refused}, {@code unavailable} or {@code error}
 * @param count calls so far
 * @param p50Seconds the median duration
 * @param p99Seconds the 99th percentile duration
 */
public record ModuleCallSample(
    String from,
    String caller,
    String callee,
    String binding,
    String operation,
    String outcome,
    long count,
    Double p50Seconds,
    Double p99Seconds) {

  /** Whether the outcome is a failure of the call (not a business refusal, which is an answer). */
  public boolean failed() {
    return outcome.equals("unavailable") || outcome.equals("error");
  }
}
