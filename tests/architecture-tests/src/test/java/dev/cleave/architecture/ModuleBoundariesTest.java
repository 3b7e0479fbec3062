package dev.cleave.architecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The real code obeys every module rule. */
class ModuleBoundariesTest {

  private static JavaClasses cleave;

  @BeforeAll
  static void importCleave() {
    cleave =
        new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.cleave");
  }

  @Test
  void importsTheModules() {
    Assertions.assertThat(cleave.containPackage("dev.cleave.product.internal.domain")).isTrue();
    Assertions.assertThat(cleave.containPackage("dev.cleave.product.client")).isTrue();
    Assertions.assertThat(cleave.containPackage("dev.cleave.user.internal.rest")).isTrue();
    Assertions.assertThat(cleave.containPackage("dev.cleave.user.client")).isTrue();
  }

  @Test
  void modulesUseEachOtherOnlyThroughTheirApi() {
    CleaveArchitecture.modulesUseEachOtherOnlyThroughTheirApi("dev.cleave").check(cleave);
  }

  @Test
  void theStorefrontUsesNothingButTheServletApi() {
    CleaveArchitecture.storefrontUsesOnlyTheServletApi("dev.cleave").check(cleave);
  }

  @Test
  void modulesFollowTheDeclaredDag() {
    CleaveArchitecture.modulesFollowTheDeclaredDag("dev.cleave").check(cleave);
  }

  @Test
  void modulesAreFreeOfCycles() {
    CleaveArchitecture.modulesAreFreeOfCycles("dev.cleave").check(cleave);
  }

  @Test
  void apiPackagesAreFreeOfFrameworkAndInternals() {
    CleaveArchitecture.apiPackagesAreFreeOfFrameworkAndInternals("dev.cleave").check(cleave);
  }

  @Test
  void entitiesLiveInInternalDomain() {
    CleaveArchitecture.entitiesLiveInInternalDomain("dev.cleave").check(cleave);
  }

  @Test
  void applicationRolesLiveInInternalApplication() {
    CleaveArchitecture.applicationRolesLiveInInternalApplication("dev.cleave").check(cleave);
  }

  @Test
  void everyModuleMapsItsEntitiesInOneClass() {
    for (String module : CleaveArchitecture.BUSINESS_MODULES) {
      String mapping = Character.toUpperCase(module.charAt(0)) + module.substring(1) + "Mapping";
      Assertions.assertThat(
              cleave.stream()
                  .filter(c -> c.getPackageName().startsWith("dev.cleave." + module + ".internal"))
                  .filter(c -> c.getSimpleName().endsWith("Mapping"))
                  .map(c -> c.getName()))
          .as(module + " maps entities to API records in one class")
          .containsExactly("dev.cleave." + module + ".internal.application." + mapping);
    }
  }

  @Test
  void transactionBeansAreNamedTransactions() {
    CleaveArchitecture.transactionBeansAreNamedTransactions("dev.cleave").check(cleave);
  }

  @Test
  void persistenceHoldsRepositoryAdaptersOnly() {
    CleaveArchitecture.persistenceHoldsRepositoryAdaptersOnly("dev.cleave").check(cleave);
  }

  @Test
  void repositoriesServeOneAggregate() {
    CleaveArchitecture.repositoriesServeOneAggregate("dev.cleave").check(cleave);
  }

  @Test
  void exceptionsLiveInTheApiOrTheApplicationLayer() {
    CleaveArchitecture.exceptionsLiveInTheApiOrTheApplicationLayer("dev.cleave").check(cleave);
  }

  @Test
  void restClientsLiveInClientPackages() {
    CleaveArchitecture.restClientsLiveInClientPackages("dev.cleave").check(cleave);
  }

  @Test
  void everyEndpointDeclaresWhoMayCallIt() {
    CleaveArchitecture.everyEndpointDeclaresWhoMayCallIt("dev.cleave").check(cleave);
  }

  @Test
  void inProcessBindingsValidateTheirContract() {
    CleaveArchitecture.inProcessBindingsValidateTheirContract("dev.cleave").check(cleave);
  }

  @Test
  void platformKnowsNoBusinessModule() {
    CleaveArchitecture.platformKnowsNoBusinessModule("dev.cleave").check(cleave);
  }
}
