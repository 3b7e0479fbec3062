package dev.cleave.platform.web;

import dev.cleave.kernel.DomainException;
import dev.cleave.platform.validation.FieldPaths;
import jakarta.json.bind.JsonbException;
import jakarta.json.stream.JsonParsingException;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.nio.charset.CharacterCodingException;
import java.util.Comparator;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Every exception that leaves a resource becomes an RFC 9457 problem. Client mistakes get a 4xx
 * that says what to fix; anything unexpected is a 500 whose detail reveals nothing and whose
 * request id leads to the logged stack trace.
 */
public final class ProblemMappers {

  private static final Logger LOG = Logger.getLogger(ProblemMappers.class.getName());
  private static final String MALFORMED_BODY =
      "The request body is not valid JSON of the expected shape.";

  private ProblemMappers() {}

  abstract static class Base<E extends Throwable> implements ExceptionMapper<E> {
    @Context UriInfo uriInfo;

    Response respond(ProblemDetail problem) {
      return Problems.response(problem, path()).build();
    }

    String path() {
      try {
        return uriInfo == null ? null : "/" + uriInfo.getPath(false).replaceFirst("^/", "");
      } catch (RuntimeException e) {
        return null;
      }
    }
  }

  /** Errors raised by JAX-RS itself or by resources: 404, 405, 406, 415, ... */
  @Provider
  public static class WebApplicationExceptionMapper extends Base<WebApplicationException> {
    @Override
    public Response toResponse(WebApplicationException exception) {
      Response original = exception.getResponse();
      int status = original.getStatus();
      if (status >= 500) {
        return Unexpected.log(exception, this);
      }
      String detail = isMalformedBody(exception) ? MALFORMED_BODY : null;
      Response.ResponseBuilder builder =
          Problems.response(Problems.forStatus(status, detail), path());
      for (String header :
          List.of(HttpHeaders.ALLOW, HttpHeaders.WWW_AUTHENTICATE, HttpHeaders.RETRY_AFTER)) {
        Object value = original.getHeaders().getFirst(header);
        if (value != null) {
          builder.header(header, value);
        }
      }
      return builder.build();
    }
  }

  /** A body the JSON binding could not read (syntax error, wrong type, number out of range). */
  @Provider
  public static class JsonbExceptionMapper extends Base<JsonbException> {
    @Override
    public Response toResponse(JsonbException exception) {
      return respond(
          ProblemDetail.of(400, "malformed-body", "Malformed request body", MALFORMED_BODY));
    }
  }

  /** Message body reading failed before the resource ran. */
  @Provider
  public static class ProcessingExceptionMapper extends Base<ProcessingException> {
    @Override
    public Response toResponse(ProcessingException exception) {
      if (isMalformedBody(exception)) {
        return respond(
            ProblemDetail.of(400, "malformed-body", "Malformed request body", MALFORMED_BODY));
      }
      return Unexpected.log(exception, this);
    }
  }

  /** Bean Validation failures on request bodies and parameters. */
  @Provider
  public static class ConstraintViolationMapper extends Base<ConstraintViolationException> {
    @Override
    public Response toResponse(ConstraintViolationException exception) {
      List<FieldViolation> violations =
          exception.getConstraintViolations().stream()
              .map(v -> new FieldViolation(FieldPaths.of(v), v.getMessage()))
              .sorted(
                  Comparator.comparing(FieldViolation::field)
                      .thenComparing(FieldViolation::message))
              .toList();
      return respond(
          ProblemDetail.of(
                  400,
                  "validation",
                  "Invalid request",
                  "One or more fields are invalid; see errors.")
              .withErrors(violations));
    }
  }

  /** Hand-parsed parameters that were wrong. */
  @Provider
  public static class InvalidRequestMapper extends Base<InvalidRequestException> {
    @Override
    public Response toResponse(InvalidRequestException exception) {
      return respond(
          ProblemDetail.of(
                  400,
                  "validation",
                  "Invalid request",
                  "One or more fields are invalid; see errors.")
              .withErrors(exception.violations()));
    }
  }

  /** Business refusals, with the module's own problem type. */
  @Provider
  public static class DomainExceptionMapper extends Base<DomainException> {
    @Override
    public Response toResponse(DomainException exception) {
      int status = exception.kind().status();
      Response.ResponseBuilder response =
          Problems.response(
              ProblemDetail.of(
                  status, exception.problemType(), exception.title(), exception.getMessage()),
              path());
      if (status == 401) {
        response.header(HttpHeaders.WWW_AUTHENTICATE, Problems.BEARER_CHALLENGE);
      }
      exception
          .retryAfter()
          .ifPresent(
              wait -> response.header(HttpHeaders.RETRY_AFTER, Problems.retryAfterSeconds(wait)));
      return response.build();
    }
  }

  /** Everything else is our fault: log it with the request id, tell the client nothing internal. */
  @Provider
  public static class Unexpected extends Base<Throwable> {
    @Override
    public Response toResponse(Throwable exception) {
      return log(exception, this);
    }

    static Response log(Throwable exception, Base<?> mapper) {
      if (DatabaseUnavailable.isCause(exception)) {
        // Down, restarting or exhausted: the client may retry; one line, no stack trace per
        // request.
        LOG.warning(
            () ->
                "Database unavailable [requestId="
                    + RequestIds.current()
                    + "]: "
                    + rootMessage(exception));
        return Problems.response(
                Problems.forStatus(503, "The database is unavailable; try again shortly."),
                mapper.path())
            .header(
                HttpHeaders.RETRY_AFTER,
                Problems.retryAfterSeconds(DatabaseUnavailable.RETRY_AFTER))
            .build();
      }
      LOG.log(Level.SEVERE, "Unexpected error [requestId=" + RequestIds.current() + "]", exception);
      return mapper.respond(Problems.forStatus(500));
    }

    private static String rootMessage(Throwable exception) {
      Throwable root = exception;
      while (root.getCause() != null && root.getCause() != root) {
        root = root.getCause();
      }
      return root.getClass().getSimpleName() + ": " + root.getMessage();
    }
  }

  static boolean isMalformedBody(Throwable exception) {
    for (Throwable t = exception; t != null; t = t.getCause()) {
      if (t instanceof JsonbException
          || t instanceof JsonParsingException
          || t instanceof CharacterCodingException) {
        return true;
      }
    }
    return false;
  }
}
