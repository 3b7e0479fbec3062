package dev.cleave.user.internal.persistence;

import dev.cleave.kernel.Page;
import dev.cleave.platform.persistence.DatabaseConstraints;
import dev.cleave.user.internal.domain.User;
import dev.cleave.user.internal.domain.UserRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

/** {@link UserRepository} on the {@code user} persistence unit. */
@ApplicationScoped
public class JpaUserRepository implements UserRepository {

  @PersistenceContext(unitName = "user")
  EntityManager em;

  @Override
  public Optional<User> find(UUID id) {
    return Optional.ofNullable(em.find(User.class, id));
  }

  @Override
  public Optional<User> findByEmail(String normalizedEmail) {
    return em.createQuery("select u from User u where u.email = :email", User.class)
        .setParameter("email", normalizedEmail)
        .getResultStream()
        .findFirst();
  }

  /** Inserts now, so that the unique e-mail constraint answers inside this call. */
  @Override
  public boolean add(User user) {
    return DatabaseConstraints.insert(em, user, "users_email_key");
  }

  @Override
  public Page<User> list(String text, int page, int size) {
    String where =
        text == null
            ? ""
            : " where lower(u.email) like :pattern escape '!' or lower(u.name) like :pattern escape"
                + " '!'";
    var count = em.createQuery("select count(u) from User u" + where, Long.class);
    var select =
        em.createQuery(
            "select u from User u" + where + " order by u.createdAt desc, u.id", User.class);
    if (text != null) {
      String pattern = "%" + escapeLike(text.toLowerCase(Locale.ROOT)) + "%";
      count.setParameter("pattern", pattern);
      select.setParameter("pattern", pattern);
    }
    long total = count.getSingleResult();
    List<User> users =
        total == 0
            ? List.of()
            : select.setFirstResult((page - 1) * size).setMaxResults(size).getResultList();
    return Page.of(users, page, size, total);
  }

  private static String escapeLike(String text) {
    return text.replace("!", "!!").replace("%", "!%").replace("_", "!_");
  }
}
