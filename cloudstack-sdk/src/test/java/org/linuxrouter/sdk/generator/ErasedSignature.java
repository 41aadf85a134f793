package org.linuxrouter.sdk.generator;

import java.lang.reflect.Method;
import java.lang.reflect.TypeVariable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * A method as the JVM links it: name, erased parameter types and erased return type. Parameters that are
 * bare type variables of the declaring type are remembered, because a subclass may bind them to anything.
 */
final class ErasedSignature {
    private final String name;
    private final List<String> parameters;
    private final String returnType;
    private final List<Boolean> variableParameters;

    private ErasedSignature(String name, List<String> parameters, String returnType, List<Boolean> variables) {
        this.name = name;
        this.parameters = List.copyOf(parameters);
        this.returnType = returnType;
        this.variableParameters = List.copyOf(variables);
    }

    static ErasedSignature of(Member m, Model model) {
        Map<String, String> bounds = model.bounds(m.owner(), m);
        Map<String, String> classBounds = model.bounds(m.owner(), null);
        List<String> params = m.parameters().stream().map(p -> Erasure.of(p, bounds)).collect(Collectors.toList());
        List<Boolean> variables = m.parameters().stream()
                .map(p -> Erasure.isTypeVariable(p, classBounds) && !Erasure.isTypeVariable(p,
                        Erasure.bounds(m.typeParameters(), Map.of())))
                .collect(Collectors.toList());
        String ret = m.type() == null ? "void" : Erasure.of(m.type(), bounds);
        return new ErasedSignature(m.name(), params, ret, variables);
    }

    static ErasedSignature of(Method m) {
        List<String> params = Arrays.stream(m.getParameterTypes()).map(Class::getTypeName).collect(Collectors.toList());
        List<Boolean> variables = new ArrayList<>();
        for (java.lang.reflect.Type t : m.getGenericParameterTypes()) {
            variables.add(t instanceof TypeVariable && ((TypeVariable<?>) t).getGenericDeclaration() instanceof Class);
        }
        String ret = m.getReturnType().getTypeName();
        return new ErasedSignature(m.getName(), params, ret, variables);
    }

    String name() {
        return name;
    }

    List<String> parameters() {
        return parameters;
    }

    String returnType() {
        return returnType;
    }

    /** Same name and erased parameters: the JVM would treat one as overriding the other. */
    boolean sameParameters(ErasedSignature other) {
        return name.equals(other.name) && parameters.equals(other.parameters);
    }

    /**
     * True if {@code impl} (declared in a subclass) can implement this abstract method: same name and arity, and
     * every parameter erases the same or is a type variable of this method's class that the subclass may bind.
     */
    boolean implementableBy(ErasedSignature impl) {
        if (!name.equals(impl.name) || parameters.size() != impl.parameters.size()) {
            return false;
        }
        for (int i = 0; i < parameters.size(); i++) {
            if (!variableParameters.get(i) && !parameters.get(i).equals(impl.parameters.get(i))) {
                return false;
            }
        }
        return true;
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof ErasedSignature)) {
            return false;
        }
        ErasedSignature other = (ErasedSignature) o;
        return sameParameters(other) && returnType.equals(other.returnType);
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, parameters, returnType);
    }

    @Override
    public String toString() {
        return returnType + " " + name + "(" + String.join(", ", parameters) + ")";
    }
}
