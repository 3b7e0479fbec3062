/** JPA and SQL adapters of the order module's repositories, on persistence unit {@code order}. */
package dev.cleave.order.internal.persistence;
