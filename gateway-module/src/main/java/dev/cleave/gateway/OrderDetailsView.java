package dev.cleave.gateway;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The gateway's composite view {@code GET /api/v1/orders/{id}/details}: the order, the current
 * catalog entry of each product in it, and its payment, in one answer. The order and the payment
 * are fetched at once; the products as soon as the order names them, all at once. Every part is
 * fetched with the caller's own token, so each service decides what the caller may see.
 *
 * <p>Partial failure, by part:
 *
 * <ul>
 *   <li>the order decides: if it is not 200 (401, 404 for someone else's order, 503), that answer
 *       is the answer, and nothing else is shown;
 *   <li>a payment or product that does not exist (404: no payment yet, a product taken off sale) is
 *       {@code null}, and the view is complete;
 *   <li>a payment or product whose service fails or does not answer in time is {@code null}, the
 *       view says {@code "partial": true} and names it in {@code "unavailable"} ({@code "payment"},
 *       {@code "product 7"}); the status stays 200, since what is shown is correct.
 * </ul>
 */
final class OrderDetailsView {

  static final Pattern PATH =
      Pattern.compile(
          "/api/v1/orders/([0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12})/details");

  /** A sub-request's outcome: the status and body, or empty when the service gave no answer. */
  record Part(Optional<Integer> status, String body) {
    static Part noAnswer() {
      return new Part(Optional.empty(), "");
    }
  }

  private OrderDetailsView() {}

  /** The order id of a details path, if it is one. */
  static Optional<String> orderId(String path) {
    Matcher matcher = PATH.matcher(path);
    return matcher.matches() ? Optional.of(matcher.group(1)) : Optional.empty();
  }

  /**
   * Builds the view. {@code fetch} starts a GET of a public path with the caller's credentials.
   *
   * @return the order's own answer when it is not 200, otherwise 200 and the view
   */
  static Part build(String orderId, Function<String, CompletableFuture<Part>> fetch) {
    CompletableFuture<Part> order = fetch.apply("/api/v1/orders/" + orderId);
    CompletableFuture<Part> payment = fetch.apply("/api/v1/payments/" + orderId);
    Part orderPart = order.join();
    if (orderPart.status().isEmpty() || orderPart.status().get() != 200) {
      payment.cancel(true);
      return orderPart;
    }
    JsonObject orderJson;
    try {
      orderJson = Json.createReader(new StringReader(orderPart.body())).readObject();
    } catch (JsonException | IllegalStateException e) {
      return Part.noAnswer();
    }
    Set<Long> productIds = new LinkedHashSet<>();
    JsonArray lines = orderJson.getJsonArray("lines");
    if (lines != null) {
      for (JsonValue line : lines) {
        if (line instanceof JsonObject object && object.containsKey("productId")) {
          productIds.add(object.getJsonNumber("productId").longValue());
        }
      }
    }
    Map<Long, CompletableFuture<Part>> products = new LinkedHashMap<>();
    productIds.forEach(id -> products.put(id, fetch.apply("/api/v1/products/" + id)));

    List<String> unavailable = new ArrayList<>();
    JsonObjectBuilder view = Json.createObjectBuilder().add("order", orderJson);
    JsonArrayBuilder productViews = Json.createArrayBuilder();
    products.forEach(
        (id, future) -> {
          JsonValue product = part(future.join(), "product " + id, unavailable);
          productViews.add(
              product == JsonValue.NULL
                  ? Json.createObjectBuilder().add("id", id).add("current", JsonValue.NULL).build()
                  : Json.createObjectBuilder().add("id", id).add("current", product).build());
        });
    view.add("products", productViews);
    view.add("payment", part(payment.join(), "payment", unavailable));
    view.add("partial", !unavailable.isEmpty());
    JsonArrayBuilder missing = Json.createArrayBuilder();
    unavailable.forEach(missing::add);
    view.add("unavailable", missing);
    return new Part(Optional.of(200), view.build().toString());
  }

  private static JsonValue part(Part part, String name, List<String> unavailable) {
    if (part.status().isPresent() && part.status().get() == 200) {
      try {
        return Json.createReader(new StringReader(part.body())).readValue();
      } catch (JsonException | IllegalStateException e) {
        unavailable.add(name);
        return JsonValue.NULL;
      }
    }
    if (part.status().isEmpty() || part.status().get() != 404) {
      unavailable.add(name);
    }
    return JsonValue.NULL;
  }
}
