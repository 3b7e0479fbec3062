/**
 * Enforcement of module contracts in-process: the Bean Validation constraints on a module API
 * interface hold for in-process callers exactly as they do for remote ones.
 */
package dev.cleave.platform.validation;
