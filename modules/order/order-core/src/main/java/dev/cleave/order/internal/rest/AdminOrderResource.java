package dev.cleave.order.internal.rest;

import dev.cleave.kernel.Page;
import dev.cleave.order.api.OrderStatus;
import dev.cleave.order.api.OrderSummary;
import dev.cleave.order.internal.application.OrderService;
import dev.cleave.platform.web.InvalidRequestException;
import dev.cleave.platform.web.ProblemDetail;
import dev.cleave.platform.web.QueryParameters;
import dev.cleave.platform.web.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.Arrays;
import java.util.Locale;
import java.util.regex.Pattern;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Every customer's orders, for shop staff. */
@Path("/api/v1/admin/orders")
@Produces({MediaType.APPLICATION_JSON, ProblemDetail.MEDIA_TYPE})
@RequestScoped
@Tag(name = "Orders")
@SecurityRequirement(name = "jwt")
public class AdminOrderResource {

  private static final Pattern CUSTOMER = Pattern.compile("[A-Za-z0-9-]{1,64}");

  @Inject OrderService orders;

  @GET
  @RolesAllowed(Roles.ADMIN)
  @Operation(
      summary = "All orders, newest first (admin)",
      description =
          "Filter by `status` and `customer` (a user id). One order in full: `GET"
              + " /api/v1/orders/{id}`.")
  @APIResponse(responseCode = "200", description = "One page of orders")
  @APIResponse(
      responseCode = "400",
      description = "Unknown status, malformed customer id or paging")
  public Page<OrderSummary> list(
      @Parameter(description = "Only orders in this status, e.g. CONFIRMED") @QueryParam("status")
          String status,
      @Parameter(description = "Only this customer's orders (user id)") @QueryParam("customer")
          String customer,
      @Parameter(description = "1-based page number") @QueryParam("page") String page,
      @Parameter(description = "Page size, 1 to 100, default 20") @QueryParam("size") String size) {
    InvalidRequestException.Collector errors = new InvalidRequestException.Collector();
    OrderStatus statusFilter = null;
    String statusText = QueryParameters.blankToNull(status);
    if (statusText != null) {
      try {
        statusFilter = OrderStatus.valueOf(statusText.strip().toUpperCase(Locale.ROOT));
      } catch (IllegalArgumentException e) {
        errors.add("status", "must be one of " + Arrays.toString(OrderStatus.values()));
      }
    }
    String customerFilter = QueryParameters.blankToNull(customer);
    if (customerFilter != null && !CUSTOMER.matcher(customerFilter.strip()).matches()) {
      errors.add("customer", "must be a user id");
    }
    int pageNumber = QueryParameters.integer("page", page, 1, 1, QueryParameters.MAX_PAGE, errors);
    int pageSize = QueryParameters.integer("size", size, 20, 1, 100, errors);
    errors.throwIfAny();
    return orders.orders(
        customerFilter == null ? null : customerFilter.strip(), statusFilter, pageNumber, pageSize);
  }
}
