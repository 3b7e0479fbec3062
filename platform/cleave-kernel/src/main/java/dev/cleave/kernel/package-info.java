/**
 * The shared kernel: small value types and the domain-exception vocabulary that every module API
 * may use. It depends on nothing but annotation and validation APIs, so an {@code *-api} artifact
 * that uses it stays free of framework code.
 */
package dev.cleave.kernel;
