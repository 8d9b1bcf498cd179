package dev.phoneverify.archunit;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.CompositeArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * The packages a team names for a role (its adapters, its wiring). A named package that holds no class is a
 * failure of its own, so a mistyped name cannot quietly exempt the code it meant, or let a rule pass on nothing.
 */
final class Roles {
    /** This library's packages: its adapters and decorators call the gateway and import adapters by design. */
    static final String LIBRARY = "dev.phoneverify..";
    /**
     * The applications built in the library's own repository ({@code verify-app}, published nowhere): they embed the
     * library as any application does, so the rules hold for them too and the project checks itself with them.
     */
    static final String OWN_APPLICATIONS = "dev.phoneverify.app..";
    /** The one package of the library that uses the provider's SDK. */
    static final String VONAGE_ADAPTER = "dev.phoneverify.adapter.vonage..";

    private Roles() {
    }

    /** {@code packages} and the library's Vonage adapter, as one array for {@code resideOutsideOfPackages}. */
    static String[] withVonageAdapter(String... packages) {
        List<String> all = new ArrayList<>(Arrays.asList(packages));
        all.add(VONAGE_ADAPTER);
        return all.toArray(String[]::new);
    }

    /** Classes of the application outside {@code packages}: neither in one of them nor in the library itself. */
    static DescribedPredicate<JavaClass> outsideTheLibraryAnd(String... packages) {
        DescribedPredicate<JavaClass> named = JavaClass.Predicates.resideInAnyPackage(packages);
        DescribedPredicate<JavaClass> library = JavaClass.Predicates.resideInAPackage(LIBRARY)
                .and(DescribedPredicate.not(JavaClass.Predicates.resideInAPackage(OWN_APPLICATIONS)));
        String description = packages.length == 0 ? "are outside the library"
                : "are outside the library and outside " + Arrays.toString(packages);
        return DescribedPredicate.not(named.or(library)).as(description);
    }

    /** {@code rule}, failing too when any of {@code packages} holds no class. */
    static ArchRule requiringClassesIn(ArchRule rule, String role, String... packages) {
        Objects.requireNonNull(packages, "packages");
        CompositeArchRule all = CompositeArchRule.of(rule);
        for (String name : packages) {
            Objects.requireNonNull(name, "package");
            all = all.and(classes().that().resideInAPackage(name).should(exist())
                    .as("the " + role + " package '" + name + "' holds classes")
                    .allowEmptyShould(false));
        }
        return all;
    }

    /** Holds for any class: the rule it is in can then fail only by matching none. */
    private static ArchCondition<JavaClass> exist() {
        return new ArchCondition<>("exist") {
            @Override
            public void check(JavaClass item, ConditionEvents events) {
                // Nothing to check: being matched at all is the point.
            }
        };
    }
}
