package dev.cleave.product.internal.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cleave.platform.web.FieldViolation;
import dev.cleave.platform.web.InvalidRequestException;
import dev.cleave.product.internal.domain.ProductSearch;
import dev.cleave.product.internal.domain.ProductSearch.Sort;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class SearchParametersTest {

  @Test
  void defaultsToFirstPageOfTwentyByName() {
    ProductSearch search = SearchParameters.parse(null, null, null, null, null, null, null);
    assertThat(search).isEqualTo(new ProductSearch(null, null, null, null, Sort.NAME, 1, 20));
  }

  @Test
  void ranksByRelevanceWhenThereIsText() {
    assertThat(SearchParameters.parse("  lamp ", null, null, null, null, null, null).sort())
        .isEqualTo(Sort.RELEVANCE);
    assertThat(SearchParameters.parse("lamp", null, null, null, null, null, null).text())
        .isEqualTo("lamp");
  }

  @Test
  void readsFiltersSortAndPaging() {
    ProductSearch search =
        SearchParameters.parse("tent", "outdoor", "10", "99.50", "PRICE_desc", "3", "50");
    assertThat(search)
        .isEqualTo(
            new ProductSearch(
                "tent",
                "outdoor",
                new BigDecimal("10"),
                new BigDecimal("99.50"),
                Sort.PRICE_DESC,
                3,
                50));
    assertThat(search.offset()).isEqualTo(100);
  }

  @Test
  void reportsEveryBadParameterAtOnce() {
    assertThatThrownBy(
            () ->
                SearchParameters.parse(
                    "x".repeat(201), "Bad Slug", "-1", "1.234", "cheap", "0", "1000000000"))
        .isInstanceOfSatisfying(
            InvalidRequestException.class,
            e ->
                assertThat(e.violations())
                    .extracting(FieldViolation::field)
                    .containsExactlyInAnyOrder(
                        "q", "category", "minPrice", "maxPrice", "sort", "page", "size"));
  }

  @Test
  void rejectsAMinimumAboveTheMaximum() {
    assertThatThrownBy(() -> SearchParameters.parse(null, null, "50", "10", null, null, null))
        .isInstanceOfSatisfying(
            InvalidRequestException.class,
            e ->
                assertThat(e.violations())
                    .extracting(FieldViolation::field)
                    .containsExactly("minPrice"));
  }

  @Test
  void rejectsControlCharactersAndHugeNumbers() {
    assertThatThrownBy(() -> SearchParameters.parse("a\u0000b", null, null, null, null, null, null))
        .isInstanceOf(InvalidRequestException.class);
    assertThatThrownBy(
            () ->
                SearchParameters.parse(null, null, null, null, null, "99999999999999999999", null))
        .isInstanceOf(InvalidRequestException.class);
    assertThatThrownBy(() -> SearchParameters.parse(null, null, "1e400", null, null, null, null))
        .isInstanceOf(InvalidRequestException.class);
  }
}
