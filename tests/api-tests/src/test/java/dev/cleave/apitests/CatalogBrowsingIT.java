package dev.cleave.apitests;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import dev.cleave.apitests.support.Accounts;
import dev.cleave.apitests.support.ApiTest;
import dev.cleave.apitests.support.CleaveSystem;
import dev.cleave.apitests.support.ExtractionSuite;
import dev.cleave.apitests.support.Problems;
import io.restassured.path.json.JsonPath;
import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;

@ApiTest
@ExtractionSuite
class CatalogBrowsingIT {

  private static JsonPath search(String query) {
    return given()
        .when()
        .get("/api/v1/products?" + query)
        .then()
        .statusCode(200)
        .contentType("application/json")
        .extract()
        .jsonPath();
  }

  @Test
  void servesTheDemoCatalog() {
    JsonPath all = search("size=1");
    assertThat(all.getLong("totalItems")).isGreaterThanOrEqualTo(200);
    List<Map<String, Object>> categories =
        given().get("/api/v1/categories").then().statusCode(200).extract().jsonPath().getList("$");
    assertThat(categories).hasSizeGreaterThanOrEqualTo(8);
    assertThat(categories)
        .allSatisfy(c -> assertThat(c).containsKeys("slug", "name", "productCount"));
  }

  private static long count(String text) {
    return given()
        .queryParam("q", text)
        .get("/api/v1/products")
        .then()
        .statusCode(200)
        .extract()
        .jsonPath()
        .getLong("totalItems");
  }

  @Test
  void ranksNameMatchesAboveDescriptionMatches() {
    // "coffee" is in the names of some products and only in the description of others (the
    // grinder).
    JsonPath result = search("q=coffee&size=100");
    List<String> names = result.getList("items.name");
    assertThat(names).isNotEmpty();
    int lastNameMatch = -1;
    int firstDescriptionOnly = Integer.MAX_VALUE;
    for (int i = 0; i < names.size(); i++) {
      if (names.get(i).toLowerCase(Locale.ROOT).contains("coffee")) {
        lastNameMatch = i;
      } else {
        firstDescriptionOnly = Math.min(firstDescriptionOnly, i);
      }
    }
    assertThat(firstDescriptionOnly)
        .as("a description-only match exists")
        .isLessThan(Integer.MAX_VALUE);
    assertThat(lastNameMatch).isLessThan(firstDescriptionOnly);
    assertThat(result.getLong("totalItems")).isEqualTo(names.size());
  }

  @Test
  void understandsWebSearchSyntax() {
    long skillets = count("skillet");
    long castIron = count("\"cast iron\"");
    long castIronWithoutSkillet = count("\"cast iron\" -skillet");
    assertThat(skillets).isPositive();
    assertThat(castIronWithoutSkillet).isLessThan(castIron);
  }

  @Test
  void filtersByCategoryAndPriceRange() {
    JsonPath result = search("category=kitchen&minPrice=30&maxPrice=60&size=100");
    List<String> categories = result.getList("items.category");
    List<Float> prices = result.getList("items.price.amount", Float.class);
    assertThat(categories).isNotEmpty().allMatch("kitchen"::equals);
    assertThat(prices).allSatisfy(p -> assertThat(p).isBetween(30f, 60f));
  }

  @Test
  void sortsByPrice() {
    List<BigDecimal> ascending =
        search("sort=price_asc&size=50").getList("items.price.amount", BigDecimal.class);
    assertThat(ascending).isSorted();
    List<BigDecimal> descending =
        search("sort=price_desc&size=50").getList("items.price.amount", BigDecimal.class);
    assertThat(descending).isSortedAccordingTo((a, b) -> b.compareTo(a));
  }

  @Test
  void paginatesWithTotals() {
    JsonPath first = search("category=audio&size=10&page=1");
    JsonPath third = search("category=audio&size=10&page=3");
    JsonPath beyond = search("category=audio&size=10&page=99");
    assertThat(first.getLong("totalItems")).isEqualTo(25);
    assertThat(first.getLong("totalPages")).isEqualTo(3);
    assertThat(first.getList("items")).hasSize(10);
    assertThat(third.getList("items")).hasSize(5);
    assertThat(beyond.getList("items")).isEmpty();
    assertThat(beyond.getLong("totalItems")).isEqualTo(25);
  }

  @Test
  void showsOneProductWithPriceAndStock() {
    long id = search("q=skillet&size=1").getLong("items[0].id");
    JsonPath product =
        given().get("/api/v1/products/" + id).then().statusCode(200).extract().jsonPath();
    assertThat(product.getLong("id")).isEqualTo(id);
    assertThat(product.getString("price.currency")).isEqualTo("EUR");
    assertThat(product.getString("category.slug")).isEqualTo("kitchen");
    assertThat(product.getInt("available")).isNotNegative();
  }

  @Test
  void answersUnknownProductsWithAProblem() {
    Problems.assertProblem(given().get("/api/v1/products/987654321"), 404);
    Problems.assertProblem(given().get("/api/v1/products/not-a-number"), 404);
  }

  /**
   * The module API's remote form answers services only (see InternalApiIT); the public gets nothing
   * from it.
   */
  @Test
  void neverExposesModuleInternalsPublicly() {
    // The one shape difference the suite knows: a lone monolith serves the module APIs to services
    // only (401/403 to the public), the gateway never routes /internal/** at all (404).
    boolean gateway = !CleaveSystem.isMonolith() && !"external".equals(CleaveSystem.topology());
    Problems.assertProblem(
        given().get("/internal/v1/product/catalog/products?id=1"), gateway ? 404 : 401);
    Problems.assertProblem(
        Accounts.newCustomer("internals")
            .request()
            .get("/internal/v1/product/catalog/products?id=1"),
        gateway ? 404 : 403);
  }
}
