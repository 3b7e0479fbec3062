package dev.cleave.user.internal.application;

import dev.cleave.kernel.DomainException;

/**
 * An administrator tried to revoke their own admin role (which could leave the shop without one).
 */
class OwnAdminRoleException extends DomainException {

  OwnAdminRoleException() {
    super(
        Kind.CONFLICT,
        "own-admin-role",
        "Cannot revoke own admin role",
        "Administrators cannot revoke their own admin role; ask another administrator.");
  }
}
