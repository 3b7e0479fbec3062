package dev.cleave.user.internal.domain;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.UUID;

/**
 * A registered user: a customer, and possibly shop staff.
 *
 * <p>Invariants: the e-mail address is normalized ({@link EmailAddress}) and unique; the password
 * is held only as a salted hash with its parameters; every user has the {@code customer} role and
 * roles come only from {@link Role}; when the user has shipping addresses, exactly one is the
 * default. Concurrent edits are detected by the version column.
 */
@Entity
@Table(name = "users")
public class User {

  @Id private UUID id;

  @Column(nullable = false, unique = true, length = 254)
  private String email;

  @Column(nullable = false, length = 200)
  private String name;

  @Column(name = "password_hash", nullable = false, length = 255)
  private String passwordHash;

  @ElementCollection(fetch = FetchType.EAGER)
  @CollectionTable(name = "user_roles", joinColumns = @JoinColumn(name = "user_id"))
  @Column(name = "role", nullable = false, length = 32)
  private Set<String> roles = new TreeSet<>();

  @ElementCollection(fetch = FetchType.EAGER)
  @CollectionTable(name = "shipping_addresses", joinColumns = @JoinColumn(name = "user_id"))
  @OrderColumn(name = "position")
  private List<ShippingAddress> addresses = new ArrayList<>();

  @Column(
      name = "created_at",
      nullable = false,
      updatable = false,
      columnDefinition = "timestamptz")
  private Instant createdAt;

  @Column(name = "updated_at", nullable = false, columnDefinition = "timestamptz")
  private Instant updatedAt;

  @Version private long version;

  protected User() {}

  /** A new customer. */
  public User(UUID id, String normalizedEmail, String name, String passwordHash, Clock clock) {
    this.id = Objects.requireNonNull(id, "id");
    this.email = Objects.requireNonNull(normalizedEmail, "email");
    this.passwordHash = Objects.requireNonNull(passwordHash, "passwordHash");
    this.roles.add(Role.CUSTOMER.value());
    this.createdAt = clock.instant();
    rename(name, clock);
  }

  public void rename(String newName, Clock clock) {
    if (newName == null || newName.isBlank()) {
      throw new IllegalArgumentException("name must not be blank");
    }
    this.name = newName.strip();
    this.updatedAt = clock.instant();
  }

  /**
   * Replaces the shipping addresses. When none is marked as the default the first one becomes it.
   *
   * @throws IllegalArgumentException when more than one is marked as the default
   */
  public void replaceAddresses(List<ShippingAddress> newAddresses, Clock clock) {
    long defaults = newAddresses.stream().filter(ShippingAddress::isDefault).count();
    if (defaults > 1) {
      throw new IllegalArgumentException("at most one address can be the default");
    }
    List<ShippingAddress> replaced = new ArrayList<>(newAddresses);
    if (defaults == 0 && !replaced.isEmpty()) {
      replaced.set(0, replaced.get(0).asDefault());
    }
    addresses.clear();
    addresses.addAll(replaced);
    this.updatedAt = clock.instant();
  }

  public void changePasswordHash(String newHash, Clock clock) {
    this.passwordHash = Objects.requireNonNull(newHash, "newHash");
    this.updatedAt = clock.instant();
  }

  /** Adds a role; true when the user did not have it. */
  public boolean grant(Role role, Clock clock) {
    boolean added = roles.add(role.value());
    if (added) {
      updatedAt = clock.instant();
    }
    return added;
  }

  /** Removes a role other than {@code customer}; true when the user had it. */
  public boolean revoke(Role role, Clock clock) {
    if (role == Role.CUSTOMER) {
      throw new IllegalArgumentException("every user keeps the customer role");
    }
    boolean removed = roles.remove(role.value());
    if (removed) {
      updatedAt = clock.instant();
    }
    return removed;
  }

  public boolean has(Role role) {
    return roles.contains(role.value());
  }

  public UUID id() {
    return id;
  }

  public String email() {
    return email;
  }

  public String name() {
    return name;
  }

  public String passwordHash() {
    return passwordHash;
  }

  /** The roles, sorted (so every answer lists them in one order). */
  public SortedSet<String> roles() {
    return Collections.unmodifiableSortedSet(new TreeSet<>(roles));
  }

  public List<ShippingAddress> addresses() {
    return List.copyOf(addresses);
  }

  public Optional<ShippingAddress> defaultAddress() {
    return addresses.stream().filter(ShippingAddress::isDefault).findFirst();
  }

  public Instant createdAt() {
    return createdAt;
  }
}
