package dev.cleave.apitests.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.Tag;

/**
 * Marks a suite that crosses a module boundary: besides the monolith and the split system, it runs,
 * unchanged, against every monolith with one module extracted. The API suite's extraction
 * executions ({@code tests/api-tests/pom.xml}) select the suites by this tag, so a new suite joins
 * them by carrying it, not by being added to a list.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Tag(ExtractionSuite.TAG)
public @interface ExtractionSuite {
  /** The JUnit tag, as the POM names it in {@code <groups>}. */
  String TAG = "extraction";
}
