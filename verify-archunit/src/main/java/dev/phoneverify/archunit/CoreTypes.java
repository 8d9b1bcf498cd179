package dev.phoneverify.archunit;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.AccessTarget;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import dev.phoneverify.core.port.ConversionStatsStore;
import dev.phoneverify.core.port.FlowStore;
import dev.phoneverify.core.port.RateLimitStore;
import dev.phoneverify.core.port.VerificationGateway;
import dev.phoneverify.core.usecase.ApplyProviderStatus;
import dev.phoneverify.core.usecase.CancelVerification;
import dev.phoneverify.core.usecase.CheckCode;
import dev.phoneverify.core.usecase.ConversionAlarmListener;
import dev.phoneverify.core.usecase.FindVerification;
import dev.phoneverify.core.usecase.MoveToNextStep;
import dev.phoneverify.core.usecase.StartVerification;
import dev.phoneverify.core.usecase.VerificationListener;
import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** What the rules know of the core: its gateway's methods, and the types an application may implement. */
final class CoreTypes {
    static final String CORE = "dev.phoneverify.core..";
    private static final DescribedPredicate<JavaClass> IN_CORE = JavaClass.Predicates.resideInAPackage(CORE);

    /**
     * The documented extension points: the driven ports an app may back with its own adapter, the listeners, and
     * the driving ports, which an app decorates. Each sealed family's {@code Visitor} is one too: it is how results
     * are read.
     */
    private static final Set<String> EXTENSION_POINTS = Stream.of(
                    VerificationGateway.class, FlowStore.class, RateLimitStore.class, ConversionStatsStore.class,
                    VerificationListener.class, ConversionAlarmListener.class,
                    StartVerification.class, CheckCode.class, CancelVerification.class, MoveToNextStep.class,
                    FindVerification.class, ApplyProviderStatus.class)
            .map(Class::getName)
            .collect(Collectors.toUnmodifiableSet());

    private static final Set<String> GATEWAY_METHODS = Arrays.stream(VerificationGateway.class.getMethods())
            .map(Method::getName)
            .collect(Collectors.toUnmodifiableSet());

    private CoreTypes() {
    }

    /** A method of {@link VerificationGateway}, called or referenced through the port or any class implementing it. */
    static DescribedPredicate<AccessTarget> gatewayMethod() {
        return DescribedPredicate.describe("a method of " + VerificationGateway.class.getSimpleName(),
                target -> target instanceof AccessTarget.CodeUnitAccessTarget
                        && GATEWAY_METHODS.contains(target.getName())
                        && target.getOwner().isAssignableTo(VerificationGateway.class));
    }

    /** Extends or implements, directly, only types outside the core or the core's extension points. */
    static ArchCondition<JavaClass> extendOnlyExtensionPoints() {
        return new ArchCondition<>("extend or implement no core type but its extension points") {
            @Override
            public void check(JavaClass item, ConditionEvents events) {
                item.getRawSuperclass().ifPresent(superclass -> checkSupertype(item, superclass, "extends", events));
                item.getRawInterfaces().forEach(type -> checkSupertype(item, type, "implements", events));
            }
        };
    }

    private static void checkSupertype(JavaClass item, JavaClass supertype, String how, ConditionEvents events) {
        if (IN_CORE.test(supertype) && !isExtensionPoint(supertype)) {
            events.add(SimpleConditionEvent.violated(item, item.getName() + " " + how + " "
                    + supertype.getName() + ", which is not an extension point of the core in "
                    + item.getSourceCodeLocation()));
        }
    }

    private static boolean isExtensionPoint(JavaClass type) {
        return EXTENSION_POINTS.contains(type.getName()) || isResultVisitor(type);
    }

    private static boolean isResultVisitor(JavaClass type) {
        return type.isInterface() && type.getSimpleName().equals("Visitor") && type.getEnclosingClass().isPresent();
    }
}
