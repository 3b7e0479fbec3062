package dev.cleave.product.internal.persistence;

import dev.cleave.product.api.CategorySummary;
import dev.cleave.product.internal.domain.Category;
import dev.cleave.product.internal.domain.CategoryRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Optional;

/** {@link CategoryRepository} on the {@code product} persistence unit. */
@ApplicationScoped
public class JpaCategoryRepository implements CategoryRepository {

  @PersistenceContext(unitName = "product")
  EntityManager em;

  @Override
  public Optional<Category> find(String slug) {
    return em.createQuery("select c from Category c where c.slug = :slug", Category.class)
        .setParameter("slug", slug)
        .getResultStream()
        .findFirst();
  }

  @Override
  public List<CategorySummary> summaries() {
    return em.createQuery(
            """
            select new dev.cleave.product.api.CategorySummary(c.slug, c.name,
                (select count(p) from Product p where p.category = c and p.active = true))
            from Category c order by c.name\
            """,
            CategorySummary.class)
        .getResultList();
  }
}
