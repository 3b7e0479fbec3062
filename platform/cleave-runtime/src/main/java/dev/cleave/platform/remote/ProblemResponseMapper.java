package dev.cleave.platform.remote;

import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.rest.client.ext.ResponseExceptionMapper;

/**
 * The MicroProfile REST client side of {@link RemoteProblems}: every error answer of a remote
 * module becomes the exception its in-process binding would have thrown. Remote bindings register
 * one per module ({@code builder.register(new ProblemResponseMapper(new RemoteProblems("product",
 * ProductProblems.TYPES)))}).
 */
public final class ProblemResponseMapper implements ResponseExceptionMapper<RuntimeException> {

  private final RemoteProblems problems;

  public ProblemResponseMapper(RemoteProblems problems) {
    this.problems = problems;
  }

  @Override
  public boolean handles(int status, MultivaluedMap<String, Object> headers) {
    return status >= 400;
  }

  @Override
  public RuntimeException toThrowable(Response response) {
    String body = response.hasEntity() ? response.readEntity(String.class) : "";
    return problems.toException(response.getStatus(), body);
  }
}
