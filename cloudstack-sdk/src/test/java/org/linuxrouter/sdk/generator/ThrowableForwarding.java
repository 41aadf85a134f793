package org.linuxrouter.sdk.generator;

import java.lang.reflect.Constructor;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * For constructors of exception classes: a {@code super(...)} call that hands the message (and the cause) up to
 * {@link Throwable}, so {@code getMessage()} and {@code getCause()} work in plugin unit tests. Only the message and
 * the cause are forwarded; every other CloudStack field stays unset, as the SDK has no behaviour. Other classes
 * keep the planned super call with typed nulls and zeros.
 */
final class ThrowableForwarding {
    private static final String STRING = "java.lang.String";
    private static final String THROWABLE = "java.lang.Throwable";

    private final Model model;
    private final Plan plan;

    ThrowableForwarding(Model model, Plan plan) {
        this.model = model;
        this.plan = plan;
    }

    /** The super arguments for {@code ctor} (e.g. {@code [p0, p3]}), or empty to use the planned super call. */
    Optional<List<String>> superArguments(Member ctor) {
        String sup = superclassOf(ctor.owner());
        if (sup == null || !isThrowable(ctor.owner())) {
            return Optional.empty();
        }
        int message = ctor.parameters().indexOf(STRING);
        int cause = ctor.parameters().indexOf(THROWABLE);
        List<List<String>> available = superConstructors(sup);
        if (message >= 0 && cause >= 0 && available.contains(List.of(STRING, THROWABLE))) {
            return Optional.of(List.of("p" + message, "p" + cause));
        }
        if (message >= 0 && available.contains(List.of(STRING))) {
            return Optional.of(List.of("p" + message));
        }
        return Optional.empty();
    }

    private String superclassOf(String type) {
        String sup = model.header(type).superclass();
        return sup == null ? null : Erasure.withoutTypeArguments(sup);
    }

    private boolean isThrowable(String type) {
        String current = type;
        while (current != null && model.isCloudStack(current)) {
            current = superclassOf(current);
        }
        return current != null && Model.load(current).map(Throwable.class::isAssignableFrom).orElse(false);
    }

    /** Erased parameter lists of the constructors a subclass can call: kept ones, or a provided class's. */
    private List<List<String>> superConstructors(String sup) {
        if (model.isCloudStack(sup)) {
            return plan.members(sup).stream().filter(Member::isConstructor)
                    .map(m -> m.parameters().stream().map(Erasure::withoutTypeArguments).collect(Collectors.toList()))
                    .collect(Collectors.toList());
        }
        List<List<String>> found = new ArrayList<>();
        for (Constructor<?> c : Model.load(sup).map(Class::getDeclaredConstructors).orElse(new Constructor<?>[0])) {
            if (Modifier.isPublic(c.getModifiers()) || Modifier.isProtected(c.getModifiers())) {
                found.add(Arrays.stream(c.getParameterTypes()).map(Class::getName).collect(Collectors.toList()));
            }
        }
        return found;
    }
}
