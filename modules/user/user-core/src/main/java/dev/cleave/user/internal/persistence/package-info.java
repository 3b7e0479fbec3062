/**
 * JPA and SQL implementations of the user module's repositories, on the {@code user} persistence
 * unit.
 */
package dev.cleave.user.internal.persistence;
