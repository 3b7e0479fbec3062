package dev.cleave.platform.web;

/** The roles a token can carry in its {@code groups} claim. */
public final class Roles {
  /** A shopper acting on their own things. */
  public static final String CUSTOMER = "customer";

  /** Shop staff: catalog and user administration. */
  public static final String ADMIN = "admin";

  /** Another Cleave service calling a module API with no end user behind the call. */
  public static final String SERVICE = "service";

  private Roles() {}
}
