package dev.cleave.user.internal.domain;

/** The roles a user can hold (the {@code service} role belongs to services, never to a user). */
public enum Role {
  CUSTOMER("customer"),
  ADMIN("admin");

  private final String value;

  Role(String value) {
    this.value = value;
  }

  /** The role's name in the {@code groups} claim and in the database. */
  public String value() {
    return value;
  }
}
