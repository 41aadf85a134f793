package org.linuxrouter.cloudstack.testing;

import java.lang.reflect.Field;

/**
 * Sets private fields the way CloudStack does: API parameters ({@code @Parameter}) and {@code @Inject} fields of
 * commands and elements are filled by reflection, since CloudStack creates those objects with no-arg constructors.
 */
public final class Fields {
    private Fields() {
    }

    /** Sets {@code name} on {@code target}, looking up the class hierarchy; returns the target. */
    public static <T> T set(T target, String name, Object value) {
        for (Class<?> c = target.getClass(); c != null; c = c.getSuperclass()) {
            try {
                Field field = c.getDeclaredField(name);
                field.setAccessible(true);
                field.set(target, value);
                return target;
            } catch (NoSuchFieldException e) {
                // look in the superclass
            } catch (IllegalAccessException e) {
                throw new IllegalStateException("cannot set " + name + " on " + target.getClass(), e);
            }
        }
        throw new IllegalArgumentException("expected a field " + name + " in " + target.getClass() + ", saw none");
    }

    public static Object get(Object target, String name) {
        for (Class<?> c = target.getClass(); c != null; c = c.getSuperclass()) {
            try {
                Field field = c.getDeclaredField(name);
                field.setAccessible(true);
                return field.get(target);
            } catch (NoSuchFieldException e) {
                // look in the superclass
            } catch (IllegalAccessException e) {
                throw new IllegalStateException("cannot read " + name + " of " + target.getClass(), e);
            }
        }
        throw new IllegalArgumentException("expected a field " + name + " in " + target.getClass() + ", saw none");
    }
}
