/** Fixtures of the splittability rules: records that JSON-B can and cannot rebuild. */
package dev.cleave.architecture.splittability;
