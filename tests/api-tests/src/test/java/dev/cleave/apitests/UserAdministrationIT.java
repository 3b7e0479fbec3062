package dev.cleave.apitests;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import dev.cleave.apitests.support.Accounts;
import dev.cleave.apitests.support.Accounts.Account;
import dev.cleave.apitests.support.ApiTest;
import dev.cleave.apitests.support.Problems;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.util.Locale;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@ApiTest
class UserAdministrationIT {

  @Test
  void theConfiguredFirstAdministratorCanLogInAndAdministerTheCatalog() {
    Account admin = Accounts.admin();
    assertThat(admin.request().get("/api/v1/users/me").jsonPath().getList("roles"))
        .contains("admin", "customer");
    String sku = "ADM-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase(Locale.ROOT);
    Response created =
        admin
            .request()
            .body(
                """
                {"sku":"%s","name":"Made by a real admin token","category":"garden","price":3.50,"currency":"EUR"}\
                """
                    .formatted(sku))
            .post("/api/v1/products");
    assertThat(created.statusCode()).as(created.asString()).isEqualTo(201);
  }

  @Test
  void listsAndFindsUsers() {
    Account ada = Accounts.newCustomer("findme");
    Response page =
        Accounts.admin()
            .request()
            .queryParam("q", ada.email().substring(0, 18).toUpperCase(Locale.ROOT))
            .get("/api/v1/users");
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.jsonPath().getList("items.id")).containsExactly(ada.id());
    assertThat(page.asString()).doesNotContainIgnoringCase("password");
    Response one = Accounts.admin().request().get("/api/v1/users/" + ada.id());
    assertThat(one.jsonPath().getString("email")).isEqualTo(ada.email());
    assertThat(
            Accounts.admin()
                .request()
                .queryParam("q", "%")
                .queryParam("size", "1")
                .get("/api/v1/users")
                .jsonPath()
                .getInt("totalItems"))
        .isZero();
    Problems.assertProblem(
        Accounts.admin().request().get("/api/v1/users/" + UUID.randomUUID()),
        404,
        "user-not-found");
    Problems.assertProblem(Accounts.admin().request().get("/api/v1/users/not-a-uuid"), 404);
  }

  @Test
  void refusesBadListParameters() {
    Response response =
        Problems.assertProblem(
            Accounts.admin()
                .request()
                .urlEncodingEnabled(false)
                .get("/api/v1/users?page=0&size=101&q=%07"),
            400,
            "validation");
    assertThat(response.jsonPath().getList("errors.field"))
        .containsExactlyInAnyOrder("page", "size", "q");
    Problems.assertProblem(
        Accounts.admin().request().queryParam("q", "x".repeat(201)).get("/api/v1/users"), 400);
  }

  @Test
  void aGrantedAdminRoleArrivesWithTheNextRefreshAndARevokedOneLeaves() {
    Account ada = Accounts.newCustomer("promoted");
    Problems.assertProblem(ada.request().get("/api/v1/users"), 403);

    Response granted = Accounts.admin().request().put("/api/v1/users/" + ada.id() + "/roles/admin");
    assertThat(granted.jsonPath().getList("roles")).containsExactly("admin", "customer");
    Accounts.admin()
        .request()
        .put("/api/v1/users/" + ada.id() + "/roles/admin")
        .then()
        .statusCode(200);
    Problems.assertProblem(ada.request().get("/api/v1/users"), 403);

    Response refreshed = Accounts.refresh(ada.refreshToken());
    String adminToken = refreshed.jsonPath().getString("accessToken");
    given().auth().oauth2(adminToken).get("/api/v1/users").then().statusCode(200);

    Accounts.admin()
        .request()
        .delete("/api/v1/users/" + ada.id() + "/roles/admin")
        .then()
        .statusCode(200);
    String customerToken =
        Accounts.refresh(refreshed.jsonPath().getString("refreshToken"))
            .jsonPath()
            .getString("accessToken");
    Problems.assertProblem(given().auth().oauth2(customerToken).get("/api/v1/users"), 403);
  }

  @Test
  void anAdministratorCannotRevokeTheirOwnAdminRole() {
    Account admin = Accounts.admin();
    Problems.assertProblem(
        admin.request().delete("/api/v1/users/" + admin.id() + "/roles/admin"),
        409,
        "own-admin-role");
    assertThat(admin.request().get("/api/v1/users/me").jsonPath().getList("roles"))
        .contains("admin");
  }

  @Test
  void onlyAdministratorsAdministerUsers() {
    Account ada = Accounts.newCustomer("not-admin");
    Account bob = Accounts.newCustomer("victim");
    Problems.assertProblem(ada.request().put("/api/v1/users/" + ada.id() + "/roles/admin"), 403);
    Problems.assertProblem(ada.request().delete("/api/v1/users/" + bob.id() + "/roles/admin"), 403);
    Problems.assertProblem(
        given().contentType(ContentType.JSON).put("/api/v1/users/" + ada.id() + "/roles/admin"),
        401);
    Problems.assertProblem(
        Accounts.admin().request().put("/api/v1/users/" + UUID.randomUUID() + "/roles/admin"),
        404,
        "user-not-found");
  }
}
