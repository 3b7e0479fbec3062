package dev.cleave.platform.web;

/**
 * One invalid input in a 400 problem.
 *
 * @param field the JSON property, query parameter or header that was wrong
 * @param message what is wrong with it, in words a client developer can act on
 */
public record FieldViolation(String field, String message) {}
