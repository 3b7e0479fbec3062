package dev.cleave.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaMethod;
import com.tngtech.archunit.core.domain.JavaType;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import com.tngtech.archunit.lang.syntax.ArchRuleDefinition;
import dev.cleave.launcher.Topology;
import dev.cleave.platform.validation.ValidatedContract;
import jakarta.annotation.security.DenyAll;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.persistence.Entity;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HEAD;
import jakarta.ws.rs.OPTIONS;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * Cleave's module rules, written once and parameterised by the base package so that the same rule
 * object checks the real code ({@code dev.cleave}) and, in tests, a fixture that breaks it.
 *
 * <p>A business module {@code m} owns the packages {@code <base>.m..}; its contract is {@code
 * <base>.m.api..}; everything else ({@code internal}, {@code client}) is private to it.
 */
final class CleaveArchitecture {

  /** The business modules, as the shapes' one declaration ({@link Topology}) lists them. */
  static final Set<String> BUSINESS_MODULES = Set.copyOf(Topology.MODULES);

  /**
   * The declared DAG: which modules each module may call (through their APIs), read from {@link
   * Topology#CALLS}, the call graph the launcher wires.
   */
  static final Map<String, Set<String>> MAY_USE = Topology.CALLS;

  private CleaveArchitecture() {}

  static ArchRule modulesUseEachOtherOnlyThroughTheirApi(String base) {
    return classes()
        .that()
        .resideInAPackage(base + "..")
        .should(
            crossModuleDependencies(
                base,
                "use other modules only through their api packages",
                (from, to, target) -> target.getPackageName().startsWith(base + "." + to + ".api")))
        .allowEmptyShould(true);
  }

  static ArchRule modulesFollowTheDeclaredDag(String base) {
    return classes()
        .that()
        .resideInAPackage(base + "..")
        .should(
            crossModuleDependencies(
                base,
                "depend only on modules the DAG allows " + MAY_USE,
                (from, to, target) -> MAY_USE.getOrDefault(from, Set.of()).contains(to)))
        .allowEmptyShould(true);
  }

  static ArchRule modulesAreFreeOfCycles(String base) {
    return slices().matching(base + ".(*)..").should().beFreeOfCycles().allowEmptyShould(true);
  }

  static ArchRule apiPackagesAreFreeOfFrameworkAndInternals(String base) {
    return noClasses()
        .that()
        .resideInAPackage(base + ".*.api..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "jakarta.persistence..",
            "jakarta.enterprise..",
            "jakarta.inject..",
            "jakarta.transaction..",
            "org.hibernate..",
            "org.flywaydb..",
            "org.eclipse.microprofile.rest.client..",
            base + ".*.internal..",
            base + ".*.client..",
            base + ".platform..")
        .as(
            "api packages hold contracts only: no JPA, CDI, Hibernate, REST client, platform or"
                + " internal types")
        .allowEmptyShould(true);
  }

  static ArchRule entitiesLiveInInternalDomain(String base) {
    return classes()
        .that()
        .resideInAPackage(base + "..")
        .and()
        .areAnnotatedWith(Entity.class)
        .should()
        .resideInAPackage(base + ".*.internal.domain..")
        .as("JPA entities live in their module's internal.domain package")
        .allowEmptyShould(true);
  }

  /**
   * One skeleton: a module's metrics, its mapping between entities and API records and its
   * transaction bean are application concerns, whatever layer uses them.
   */
  static ArchRule applicationRolesLiveInInternalApplication(String base) {
    return classes()
        .that()
        .resideInAPackage(base + ".*.internal..")
        .and(
            DescribedPredicate.describe(
                "are named *Metrics, *Mapping or *Transactions",
                (JavaClass c) ->
                    c.getSimpleName().endsWith("Metrics")
                        || c.getSimpleName().endsWith("Mapping")
                        || c.getSimpleName().endsWith("Transactions")))
        .should()
        .resideInAPackage(base + ".*.internal.application..")
        .as("a module's metrics, mapping and transactions live in its internal.application package")
        .allowEmptyShould(true);
  }

  /**
   * One skeleton: the bean whose methods are each a transaction of their own ({@code REQUIRES_NEW}
   * on the class) is named for what it is, {@code <Module>Transactions}.
   */
  static ArchRule transactionBeansAreNamedTransactions(String base) {
    return classes()
        .that()
        .resideInAPackage(base + ".*.internal.application..")
        .and(
            DescribedPredicate.describe(
                "are annotated @Transactional(REQUIRES_NEW)",
                (JavaClass c) ->
                    c.tryGetAnnotationOfType(Transactional.class)
                        .map(t -> t.value() == Transactional.TxType.REQUIRES_NEW)
                        .orElse(false)))
        .should()
        .haveSimpleNameEndingWith("Transactions")
        .as("a bean of REQUIRES_NEW transactions is named <Module>Transactions")
        .allowEmptyShould(true);
  }

  /**
   * One skeleton: {@code internal.persistence} holds adapters of the domain's repository interfaces
   * and nothing else; a store that is not a module repository (a simulated third party's books, a
   * cache) lives with the code it serves.
   */
  static ArchRule persistenceHoldsRepositoryAdaptersOnly(String base) {
    return classes()
        .that()
        .resideInAPackage(base + ".*.internal.persistence..")
        .and()
        .areTopLevelClasses()
        .and()
        .doNotHaveSimpleName("package-info")
        .should(
            new ArchCondition<JavaClass>(
                "implement a *Repository interface of their module's internal.domain") {
              @Override
              public void check(JavaClass type, ConditionEvents events) {
                boolean adapter =
                    type.getAllRawInterfaces().stream()
                        .anyMatch(
                            i ->
                                i.getSimpleName().endsWith("Repository")
                                    && i.getPackageName().endsWith(".internal.domain"));
                if (!adapter) {
                  events.add(
                      SimpleConditionEvent.violated(
                          type,
                          type.getName()
                              + " is in internal.persistence but implements no *Repository"
                              + " interface of internal.domain"));
                }
              }
            })
        .allowEmptyShould(true);
  }

  /**
   * One repository per aggregate: the entities a repository interface takes or returns (generic
   * arguments included) are of one type at most, so each aggregate's locking and queries are in one
   * place.
   */
  static ArchRule repositoriesServeOneAggregate(String base) {
    return classes()
        .that()
        .resideInAPackage(base + ".*.internal.domain..")
        .and()
        .areInterfaces()
        .and()
        .haveSimpleNameEndingWith("Repository")
        .should(
            new ArchCondition<JavaClass>("take and return the entities of one aggregate only") {
              @Override
              public void check(JavaClass repository, ConditionEvents events) {
                Set<String> entities = new TreeSet<>();
                for (JavaMethod method : repository.getMethods()) {
                  List<JavaType> types = new ArrayList<>(method.getParameterTypes());
                  types.add(method.getReturnType());
                  for (JavaType type : types) {
                    for (JavaClass mentioned : type.getAllInvolvedRawTypes()) {
                      if (mentioned.isAnnotatedWith(Entity.class)) {
                        entities.add(mentioned.getSimpleName());
                      }
                    }
                  }
                }
                if (entities.size() > 1) {
                  events.add(
                      SimpleConditionEvent.violated(
                          repository,
                          repository.getName()
                              + " serves several aggregates "
                              + entities
                              + ": give each its own repository"));
                }
              }
            })
        .allowEmptyShould(true);
  }

  /**
   * Exceptions in one place: those a module's callers may see are in its {@code api} (and listed in
   * its problem types); those only its own REST layer maps stay in {@code internal.application}.
   */
  static ArchRule exceptionsLiveInTheApiOrTheApplicationLayer(String base) {
    String[] modules =
        BUSINESS_MODULES.stream().map(m -> base + "." + m + "..").toArray(String[]::new);
    return classes()
        .that()
        .resideInAnyPackage(modules)
        .and()
        .areAssignableTo(Throwable.class)
        .should()
        .resideInAnyPackage(base + ".*.api..", base + ".*.internal.application..")
        .as("a module's exceptions live in its api or its internal.application package")
        .allowEmptyShould(true);
  }

  static ArchRule restClientsLiveInClientPackages(String base) {
    return noClasses()
        .that()
        .resideInAPackage(base + "..")
        .and()
        .resideOutsideOfPackage(base + ".*.client..")
        .and()
        .resideOutsideOfPackage(base + ".platform.remote..")
        .should()
        .dependOnClassesThat()
        .resideInAPackage("org.eclipse.microprofile.rest.client..")
        .as(
            "only client packages (and the platform's shared remote support) use the MicroProfile"
                + " REST client")
        .allowEmptyShould(true);
  }

  /**
   * The storefront is pages for a browser that talk to the public API only: its Java side serves
   * files and may use nothing of Cleave's modules, platform or kernel, only the JDK and the Servlet
   * API.
   */
  static ArchRule storefrontUsesOnlyTheServletApi(String base) {
    return classes()
        .that()
        .resideInAPackage(base + ".storefront..")
        .should()
        .onlyDependOnClassesThat()
        .resideInAnyPackage(base + ".storefront..", "java..", "jakarta.servlet..")
        .as("the storefront uses only the JDK and the Servlet API")
        .allowEmptyShould(false);
  }

  static ArchRule platformKnowsNoBusinessModule(String base) {
    String[] modules =
        BUSINESS_MODULES.stream().map(m -> base + "." + m + "..").toArray(String[]::new);
    return noClasses()
        .that()
        .resideInAnyPackage(base + ".platform..", base + ".kernel..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(modules)
        .as("the platform and the kernel know no business module")
        .allowEmptyShould(true);
  }

  private static final List<Class<? extends java.lang.annotation.Annotation>> HTTP_METHODS =
      List.of(
          GET.class, POST.class, PUT.class, DELETE.class, PATCH.class, HEAD.class, OPTIONS.class);
  private static final List<Class<? extends java.lang.annotation.Annotation>> ACCESS =
      List.of(PermitAll.class, RolesAllowed.class, DenyAll.class);

  /**
   * Every resource method of a class (interfaces are contracts, their implementations decide) says
   * who may call it: {@code @PermitAll}, {@code @RolesAllowed} or {@code @DenyAll} on the method or
   * its class. An endpoint nobody decided about is open by accident.
   */
  static ArchRule everyEndpointDeclaresWhoMayCallIt(String base) {
    return ArchRuleDefinition.methods()
        .that()
        .areDeclaredInClassesThat()
        .resideInAPackage(base + "..")
        .and()
        .areDeclaredInClassesThat()
        .areNotInterfaces()
        .and(
            new DescribedPredicate<JavaMethod>("are JAX-RS resource methods") {
              @Override
              public boolean test(JavaMethod method) {
                return HTTP_METHODS.stream().anyMatch(method::isAnnotatedWith)
                    || inheritsHttpMethod(method);
              }
            })
        .should(
            new ArchCondition<JavaMethod>(
                "declare who may call them (@PermitAll, @RolesAllowed or @DenyAll on the method or"
                    + " its class)") {
              @Override
              public void check(JavaMethod method, ConditionEvents events) {
                boolean declared =
                    ACCESS.stream()
                        .anyMatch(
                            a -> method.isAnnotatedWith(a) || method.getOwner().isAnnotatedWith(a));
                if (!declared) {
                  events.add(
                      SimpleConditionEvent.violated(
                          method, method.getFullName() + " declares no access rule"));
                }
              }
            })
        .allowEmptyShould(true);
  }

  /**
   * True when the method belongs to a resource class ({@code @Path}) and implements an interface
   * method that carries a JAX-RS HTTP method annotation (JAX-RS inherits it). In-process bindings
   * and REST client adapters implement the same interfaces, but are no resources.
   */
  private static boolean inheritsHttpMethod(JavaMethod method) {
    if (!method.getOwner().isAnnotatedWith(Path.class)) {
      return false;
    }
    List<String> parameters =
        method.getRawParameterTypes().stream().map(JavaClass::getName).toList();
    return method.getOwner().getAllRawInterfaces().stream()
        .flatMap(i -> i.getMethods().stream())
        .filter(
            m ->
                m.getName().equals(method.getName())
                    && m.getRawParameterTypes().stream()
                        .map(JavaClass::getName)
                        .toList()
                        .equals(parameters))
        .anyMatch(m -> HTTP_METHODS.stream().anyMatch(m::isAnnotatedWith));
  }

  /**
   * The in-process binding of a module API (a class implementing a {@code @Path} interface of an
   * {@code api} package) validates the contract's constraints, as the remote form does through
   * JAX-RS. The remote form itself ({@code internal.rest}, validated by JAX-RS) is not an
   * in-process binding.
   */
  static ArchRule inProcessBindingsValidateTheirContract(String base) {
    return classes()
        .that()
        .resideInAPackage(base + ".*.internal..")
        .and()
        .areNotInterfaces()
        .and()
        .resideOutsideOfPackage(base + ".*.internal.rest..")
        .and(
            new DescribedPredicate<JavaClass>("implement a module API") {
              @Override
              public boolean test(JavaClass type) {
                return type.getAllRawInterfaces().stream()
                    .anyMatch(
                        i ->
                            i.getPackageName().startsWith(base + ".")
                                && i.getPackageName()
                                    .matches(Pattern.quote(base) + "\\.[a-z]+\\.api(\\..*)?")
                                && i.isAnnotatedWith(Path.class));
              }
            })
        .should()
        .beAnnotatedWith(ValidatedContract.class)
        .as("in-process bindings of module APIs are @ValidatedContract")
        .allowEmptyShould(true);
  }

  @FunctionalInterface
  private interface Allowed {
    boolean test(String fromModule, String toModule, JavaClass target);
  }

  private static ArchCondition<JavaClass> crossModuleDependencies(
      String base, String description, Allowed allowed) {
    return new ArchCondition<>(description) {
      @Override
      public void check(JavaClass source, ConditionEvents events) {
        String from = moduleOf(base, source);
        if (from == null) {
          return;
        }
        for (Dependency dependency : source.getDirectDependenciesFromSelf()) {
          JavaClass target = dependency.getTargetClass().getBaseComponentType();
          String to = moduleOf(base, target);
          if (to == null || to.equals(from)) {
            continue;
          }
          if (!allowed.test(from, to, target)) {
            events.add(SimpleConditionEvent.violated(dependency, dependency.getDescription()));
          }
        }
      }
    };
  }

  /**
   * The business module a class belongs to, or {@code null} for platform, kernel and foreign code.
   */
  static String moduleOf(String base, JavaClass type) {
    String name = type.getPackageName();
    if (!name.startsWith(base + ".")) {
      return null;
    }
    String rest = name.substring(base.length() + 1);
    String module = rest.contains(".") ? rest.substring(0, rest.indexOf('.')) : rest;
    return BUSINESS_MODULES.contains(module) ? module : null;
  }
}
