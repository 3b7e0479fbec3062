/**
 * Local runner for Cleave: starts an embedded PostgreSQL (or uses an external one), makes
 * development JWT keys, starts Liberty servers, waits until they are ready, and stops everything
 * together on Ctrl-C or SIGTERM. Test suites use the same classes, so tests run the app the way
 * users do.
 */
package dev.cleave.launcher;
