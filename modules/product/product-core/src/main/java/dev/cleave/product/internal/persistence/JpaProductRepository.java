package dev.cleave.product.internal.persistence;

import dev.cleave.kernel.Money;
import dev.cleave.kernel.Page;
import dev.cleave.platform.persistence.DatabaseConstraints;
import dev.cleave.product.api.DuplicateSkuException;
import dev.cleave.product.api.ProductSummary;
import dev.cleave.product.internal.domain.Product;
import dev.cleave.product.internal.domain.ProductRepository;
import dev.cleave.product.internal.domain.ProductSearch;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.Query;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** {@link ProductRepository} on the {@code product} persistence unit. */
@ApplicationScoped
public class JpaProductRepository implements ProductRepository {

  @PersistenceContext(unitName = "product")
  EntityManager em;

  @Override
  public Optional<Product> find(long id) {
    return Optional.ofNullable(em.find(Product.class, id));
  }

  @Override
  public List<Product> findAll(Collection<Long> ids) {
    if (ids.isEmpty()) {
      return List.of();
    }
    return em.createQuery("select p from Product p where p.id in :ids order by p.id", Product.class)
        .setParameter("ids", ids)
        .getResultList();
  }

  @Override
  public boolean skuExists(String sku) {
    return !em.createQuery("select 1 from Product p where p.sku = :sku", Integer.class)
        .setParameter("sku", sku)
        .setMaxResults(1)
        .getResultList()
        .isEmpty();
  }

  /**
   * Inserts the product now (identity ids insert on persist). The unique SKU constraint is the real
   * guard against two administrators creating the same SKU at once; its violation becomes the same
   * {@link DuplicateSkuException} that the service's friendly pre-check throws.
   */
  @Override
  public Product add(Product product) {
    if (!DatabaseConstraints.insert(em, product, "products_sku_key")) {
      throw new DuplicateSkuException(product.sku());
    }
    return product;
  }

  /**
   * Native SQL, because ranking uses PostgreSQL full-text search ({@code websearch_to_tsquery}, so
   * users may type quotes, {@code or} and {@code -word}). Every user value is a bound parameter;
   * only fixed fragments chosen from an enum are concatenated. {@code {h-schema}} is the
   * persistence unit's schema, so the module's schema is named in one place.
   */
  @Override
  public Page<ProductSummary> search(ProductSearch search) {
    StringBuilder where = new StringBuilder(" where p.active");
    Map<String, Object> parameters = new LinkedHashMap<>();
    boolean hasText = search.text() != null;
    if (hasText) {
      where.append(" and p.search_vector @@ websearch_to_tsquery('english', :text)");
      parameters.put("text", search.text());
    }
    if (search.category() != null) {
      where.append(" and c.slug = :category");
      parameters.put("category", search.category());
    }
    if (search.minPrice() != null) {
      where.append(" and p.price_amount >= :minPrice");
      parameters.put("minPrice", search.minPrice());
    }
    if (search.maxPrice() != null) {
      where.append(" and p.price_amount <= :maxPrice");
      parameters.put("maxPrice", search.maxPrice());
    }
    String from = " from {h-schema}products p join {h-schema}categories c on c.id = p.category_id";

    Query count = em.createNativeQuery("select count(*)" + from + where);
    parameters.forEach(count::setParameter);
    long total = ((Number) count.getSingleResult()).longValue();
    if (total == 0 || search.offset() >= total) {
      return Page.of(List.of(), search.page(), search.size(), total);
    }

    String order =
        switch (search.sort()) {
          case RELEVANCE ->
              hasText
                  ? "ts_rank_cd(p.search_vector, websearch_to_tsquery('english', :text)) desc, p.id"
                  : "p.name, p.id";
          case NAME -> "p.name, p.id";
          case PRICE_ASC -> "p.price_amount, p.id";
          case PRICE_DESC -> "p.price_amount desc, p.id";
          case NEWEST -> "p.created_at desc, p.id desc";
        };
    Query page =
        em.createNativeQuery(
            """
            select p.id, p.sku, p.name, c.slug, p.price_amount, p.price_currency,
                   coalesce(i.on_hand - i.reserved, 0) > 0 as in_stock\
            """
                + from
                + " left join {h-schema}inventory_items i on i.product_id = p.id"
                + where
                + " order by "
                + order
                + " limit :limit offset :offset");
    parameters.forEach(page::setParameter);
    page.setParameter("limit", search.size());
    page.setParameter("offset", search.offset());

    List<ProductSummary> items = new ArrayList<>();
    for (Object row : page.getResultList()) {
      Object[] r = (Object[]) row;
      items.add(
          new ProductSummary(
              ((Number) r[0]).longValue(),
              (String) r[1],
              (String) r[2],
              (String) r[3],
              new Money((BigDecimal) r[4], (String) r[5]),
              (Boolean) r[6]));
    }
    return Page.of(items, search.page(), search.size(), total);
  }
}
