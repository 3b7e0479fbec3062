/**
 * Per-module schema management: each module migrates its own schema with Flyway at start-up (history
 * table inside that schema) and then has Hibernate validate its mappings against it.
 */
package dev.cleave.platform.persistence;
