package dev.cleave.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.EvaluationResult;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * Each rule, applied to a fixture that breaks it, reports the break; the same rule passes on the
 * fixture's clean neighbour. A rule that cannot fail would otherwise rot unnoticed.
 */
class RulesCatchViolationsTest {

  private static final String FIXTURES = "dev.cleave.architecture.fixtures";

  private static EvaluationResult evaluate(String fixture, Function<String, ArchRule> rule) {
    String base = FIXTURES + "." + fixture;
    JavaClasses classes = new ClassFileImporter().importPackages(base);
    assertThat(classes).as("fixture classes of " + fixture).isNotEmpty();
    return rule.apply(base).evaluate(classes);
  }

  private static void assertCaught(
      String fixture, Function<String, ArchRule> rule, String offender) {
    EvaluationResult result = evaluate(fixture, rule);
    assertThat(result.hasViolation()).as("rule catches fixture " + fixture).isTrue();
    assertThat(result.getFailureReport().toString()).contains(offender);
  }

  @Test
  void catchesAModuleReachingIntoAnotherModulesInternals() {
    assertCaught(
        "internals", CleaveArchitecture::modulesUseEachOtherOnlyThroughTheirApi, "InventoryPeek");
  }

  @Test
  void allowsAModuleToUseAnotherModulesApi() {
    assertThat(
            evaluate("clean", CleaveArchitecture::modulesUseEachOtherOnlyThroughTheirApi)
                .hasViolation())
        .isFalse();
    assertThat(evaluate("clean", CleaveArchitecture::modulesFollowTheDeclaredDag).hasViolation())
        .isFalse();
  }

  @Test
  void catchesADependencyAgainstTheDag() {
    assertCaught("dag", CleaveArchitecture::modulesFollowTheDeclaredDag, "OrderAwarePricing");
  }

  @Test
  void catchesACycleBetweenModules() {
    assertCaught("cycle", CleaveArchitecture::modulesAreFreeOfCycles, "Cycle");
  }

  @Test
  void catchesFrameworkTypesInAnApi() {
    assertCaught(
        "leakyapi", CleaveArchitecture::apiPackagesAreFreeOfFrameworkAndInternals, "LeakyLookup");
  }

  @Test
  void catchesAnEntityOutsideTheDomainPackage() {
    assertCaught(
        "entityplace", CleaveArchitecture::entitiesLiveInInternalDomain, "MisplacedEntity");
  }

  @Test
  void catchesMetricsAndAMappingOutsideTheApplicationLayer() {
    assertCaught(
        "rolesplace",
        CleaveArchitecture::applicationRolesLiveInInternalApplication,
        "StockMetrics");
    assertCaught(
        "rolesplace",
        CleaveArchitecture::applicationRolesLiveInInternalApplication,
        "StockMapping");
  }

  @Test
  void catchesATransactionBeanNamedForSomethingElse() {
    assertCaught(
        "txnaming", CleaveArchitecture::transactionBeansAreNamedTransactions, "StockRecords");
  }

  @Test
  void catchesAStoreInPersistenceThatIsNoRepositoryAdapter() {
    assertCaught(
        "repositories", CleaveArchitecture::persistenceHoldsRepositoryAdaptersOnly, "StockLedger");
    assertThat(
            evaluate("repositories", CleaveArchitecture::persistenceHoldsRepositoryAdaptersOnly)
                .getFailureReport()
                .toString())
        .doesNotContain("JpaShelfRepository");
  }

  @Test
  void catchesARepositoryForTwoAggregates() {
    assertCaught(
        "repositories", CleaveArchitecture::repositoriesServeOneAggregate, "StockRepository");
    assertThat(
            evaluate("repositories", CleaveArchitecture::repositoriesServeOneAggregate)
                .getFailureReport()
                .getDetails())
        .hasSize(1);
  }

  @Test
  void catchesAnExceptionOutsideTheApiAndTheApplicationLayer() {
    assertCaught(
        "exceptionplace",
        CleaveArchitecture::exceptionsLiveInTheApiOrTheApplicationLayer,
        "ShelfEmptyException");
    assertThat(
            evaluate(
                    "exceptionplace",
                    CleaveArchitecture::exceptionsLiveInTheApiOrTheApplicationLayer)
                .getFailureReport()
                .getDetails())
        .hasSize(1);
  }

  @Test
  void catchesARestClientOutsideAClientPackage() {
    assertCaught(
        "restclient", CleaveArchitecture::restClientsLiveInClientPackages, "DirectRemoteCall");
  }

  @Test
  void catchesAnEndpointThatDeclaresNoAccessRule() {
    assertCaught(
        "openendpoint", CleaveArchitecture::everyEndpointDeclaresWhoMayCallIt, "forgotten");
    assertCaught(
        "openendpoint",
        CleaveArchitecture::everyEndpointDeclaresWhoMayCallIt,
        "OpenInternalResource.find");
    EvaluationResult result =
        evaluate("openendpoint", CleaveArchitecture::everyEndpointDeclaresWhoMayCallIt);
    assertThat(result.getFailureReport().getDetails()).hasSize(2);
  }

  @Test
  void catchesAnInProcessBindingThatSkipsContractValidation() {
    assertCaught(
        "unvalidated", CleaveArchitecture::inProcessBindingsValidateTheirContract, "DefaultStock");
    assertThat(
            evaluate("unvalidated", CleaveArchitecture::inProcessBindingsValidateTheirContract)
                .getFailureReport()
                .toString())
        .doesNotContain("ValidatedStock");
  }

  @Test
  void catchesThePlatformDependingOnABusinessModule() {
    assertCaught(
        "platformleak", CleaveArchitecture::platformKnowsNoBusinessModule, "CatalogAwareHelper");
  }

  @Test
  void catchesTheStorefrontUsingCleaveCode() {
    assertCaught(
        "storefrontleak", CleaveArchitecture::storefrontUsesOnlyTheServletApi, "PricedPage");
  }
}
