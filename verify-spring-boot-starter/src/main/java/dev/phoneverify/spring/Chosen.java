package dev.phoneverify.spring;

import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;

/**
 * Conditions on {@code phoneverify.gateway} and {@code phoneverify.store} as they bind to their enums, so every
 * spelling the properties accept ({@code vonage-v2}, {@code VONAGE_V2}, {@code vonageV2}) picks the same beans.
 */
abstract class Chosen<E extends Enum<E>> extends SpringBootCondition {
    private final String property;
    private final Class<E> type;
    private final E fallback;
    private final E expected;

    Chosen(String property, Class<E> type, E fallback, E expected) {
        this.property = property;
        this.type = type;
        this.fallback = fallback;
        this.expected = expected;
    }

    @Override
    public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
        E chosen = Binder.get(context.getEnvironment()).bind(property, type).orElse(fallback);
        return chosen == expected
                ? ConditionOutcome.match(property + " is " + chosen)
                : ConditionOutcome.noMatch(property + " is " + chosen + ", not " + expected);
    }

    static final class FakeGateway extends Chosen<PhoneVerifyProperties.Gateway> {
        FakeGateway() {
            super("phoneverify.gateway", PhoneVerifyProperties.Gateway.class, PhoneVerifyProperties.Gateway.FAKE,
                    PhoneVerifyProperties.Gateway.FAKE);
        }
    }

    static final class VonageGateway extends Chosen<PhoneVerifyProperties.Gateway> {
        VonageGateway() {
            super("phoneverify.gateway", PhoneVerifyProperties.Gateway.class, PhoneVerifyProperties.Gateway.FAKE,
                    PhoneVerifyProperties.Gateway.VONAGE);
        }
    }

    static final class VonageV2Gateway extends Chosen<PhoneVerifyProperties.Gateway> {
        VonageV2Gateway() {
            super("phoneverify.gateway", PhoneVerifyProperties.Gateway.class, PhoneVerifyProperties.Gateway.FAKE,
                    PhoneVerifyProperties.Gateway.VONAGE_V2);
        }
    }

    static final class MemoryStore extends Chosen<PhoneVerifyProperties.Store> {
        MemoryStore() {
            super("phoneverify.store", PhoneVerifyProperties.Store.class, PhoneVerifyProperties.Store.MEMORY,
                    PhoneVerifyProperties.Store.MEMORY);
        }
    }

    static final class PostgresStore extends Chosen<PhoneVerifyProperties.Store> {
        PostgresStore() {
            super("phoneverify.store", PhoneVerifyProperties.Store.class, PhoneVerifyProperties.Store.MEMORY,
                    PhoneVerifyProperties.Store.POSTGRES);
        }
    }
}
