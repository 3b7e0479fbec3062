/**
 * Per-module schema management: each module migrates its own schema with Flyway at start-up
 * (history table inside that schema) and then has Hibernate validate its mappings against it. Also
 * how domain refusals leave transactional methods without an FFDC incident ({@link
 * dev.cleave.platform.persistence.RefusalInsideTransaction}).
 */
package dev.cleave.platform.persistence;
