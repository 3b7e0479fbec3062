package dev.cleave.apitests;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import dev.cleave.apitests.support.ApiTest;
import dev.cleave.apitests.support.CleaveSystem;
import dev.cleave.apitests.support.ExtractionSuite;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

@ApiTest
@ExtractionSuite
class OperationsIT {

  @Test
  void isReadyWhenTheCatalogDatabaseIs() {
    Response ready = given().get("/health/ready");
    assertThat(ready.statusCode()).isEqualTo(200);
    assertThat(ready.jsonPath().getString("status")).isEqualTo("UP");
    assertThat(ready.jsonPath().getList("checks.name")).contains("product-database");
    given().get("/health/live").then().statusCode(200);
  }

  @Test
  void exportsBusinessMetricsForPrometheus() {
    given().get("/api/v1/products?q=lamp").then().statusCode(200);
    String metrics = CleaveSystem.metrics("product");
    assertThat(metrics).contains("catalog_searches_total");
  }

  @Test
  void publishesItsOpenApiDocument() {
    String product = CleaveSystem.serverOf("product");
    String document =
        given().baseUri(product).get("/openapi").then().statusCode(200).extract().asString();
    assertThat(document).contains("/api/v1/products").contains("/api/v1/categories");
    given().baseUri(product).get("/openapi/ui/").then().statusCode(200);
  }

  @Test
  void tagsEveryResponseWithARequestId() {
    assertThat(given().get("/api/v1/categories").header("X-Request-Id")).isNotBlank();
    assertThat(
            given()
                .header("X-Request-Id", "trace-abc.123")
                .get("/api/v1/categories")
                .header("X-Request-Id"))
        .isEqualTo("trace-abc.123");
    String hostile =
        given()
            .header("X-Request-Id", "<script>alert(1)</script>")
            .get("/api/v1/categories")
            .header("X-Request-Id");
    assertThat(hostile).doesNotContain("<").isNotBlank();
  }
}
