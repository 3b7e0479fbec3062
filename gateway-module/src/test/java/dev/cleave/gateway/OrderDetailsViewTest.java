package dev.cleave.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.io.StringReader;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

class OrderDetailsViewTest {

  private static final String ID = "0b7e6b54-51a4-4c39-9f1e-7f2a3d6c9e01";
  private static final String ORDER =
      "{\"id\":\""
          + ID
          + "\",\"status\":\"CONFIRMED\",\"lines\":["
          + "{\"productId\":7,\"quantity\":1},{\"productId\":9,\"quantity\":2},{\"productId\":7,\"quantity\":1}]}";

  private static OrderDetailsView.Part ok(String body) {
    return new OrderDetailsView.Part(Optional.of(200), body);
  }

  private static OrderDetailsView.Part status(int status) {
    return new OrderDetailsView.Part(Optional.of(status), "{\"status\":" + status + "}");
  }

  private static Function<String, CompletableFuture<OrderDetailsView.Part>> services(
      Map<String, OrderDetailsView.Part> answers) {
    return path ->
        CompletableFuture.completedFuture(
            answers.getOrDefault(path, OrderDetailsView.Part.noAnswer()));
  }

  private static JsonObject json(OrderDetailsView.Part part) {
    assertThat(part.status()).contains(200);
    return Json.createReader(new StringReader(part.body())).readObject();
  }

  @Test
  void recognizesOnlyTheDetailsPath() {
    assertThat(OrderDetailsView.orderId("/api/v1/orders/" + ID + "/details")).contains(ID);
    assertThat(OrderDetailsView.orderId("/api/v1/orders/" + ID)).isEmpty();
    assertThat(OrderDetailsView.orderId("/api/v1/orders/not-an-id/details")).isEmpty();
  }

  @Test
  void joinsTheOrderEachProductOnceAndThePayment() {
    JsonObject view =
        json(
            OrderDetailsView.build(
                ID,
                services(
                    Map.of(
                        "/api/v1/orders/" + ID,
                        ok(ORDER),
                        "/api/v1/payments/" + ID,
                        ok("{\"status\":\"CAPTURED\"}"),
                        "/api/v1/products/7",
                        ok("{\"id\":7,\"name\":\"Lamp\"}"),
                        "/api/v1/products/9",
                        ok("{\"id\":9,\"name\":\"Desk\"}")))));
    assertThat(view.getJsonObject("order").getString("status")).isEqualTo("CONFIRMED");
    assertThat(view.getJsonArray("products")).hasSize(2);
    assertThat(
            view.getJsonArray("products")
                .getJsonObject(1)
                .getJsonObject("current")
                .getString("name"))
        .isEqualTo("Desk");
    assertThat(view.getJsonObject("payment").getString("status")).isEqualTo("CAPTURED");
    assertThat(view.getBoolean("partial")).isFalse();
    assertThat(view.getJsonArray("unavailable")).isEmpty();
  }

  @Test
  void somethingThatDoesNotExistIsNullAndTheViewStaysComplete() {
    JsonObject view =
        json(
            OrderDetailsView.build(
                ID,
                services(
                    Map.of(
                        "/api/v1/orders/" + ID,
                        ok(ORDER),
                        "/api/v1/payments/" + ID,
                        status(404),
                        "/api/v1/products/7",
                        status(404),
                        "/api/v1/products/9",
                        ok("{\"id\":9}")))));
    assertThat(view.isNull("payment")).isTrue();
    assertThat(view.getJsonArray("products").getJsonObject(0).isNull("current")).isTrue();
    assertThat(view.getBoolean("partial")).isFalse();
  }

  @Test
  void aServiceThatFailsMakesTheViewPartialAndSaysWhatIsMissing() {
    JsonObject view =
        json(
            OrderDetailsView.build(
                ID,
                services(
                    Map.of(
                        "/api/v1/orders/" + ID,
                        ok(ORDER),
                        "/api/v1/products/7",
                        status(503),
                        "/api/v1/products/9",
                        ok("{\"id\":9}")))));
    assertThat(view.getBoolean("partial")).isTrue();
    assertThat(view.getJsonArray("unavailable").getValuesAs(JsonString.class))
        .extracting(JsonString::getString)
        .containsExactly("product 7", "payment");
  }

  @Test
  void theOrdersOwnRefusalIsTheAnswer() {
    OrderDetailsView.Part notYours =
        OrderDetailsView.build(
            ID,
            services(
                Map.of(
                    "/api/v1/orders/" + ID,
                    status(404),
                    "/api/v1/payments/" + ID,
                    ok("{\"status\":\"CAPTURED\"}"))));
    assertThat(notYours.status()).contains(404);
    assertThat(notYours.body()).doesNotContain("CAPTURED");
    assertThat(OrderDetailsView.build(ID, services(Map.of())).status()).isEmpty();
  }
}
