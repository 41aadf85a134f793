package org.linuxrouter.sdk.conformance;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.lang.annotation.Annotation;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.List;
import java.util.spi.ToolProvider;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.cloud.exception.InvalidParameterValueException;
import com.cloud.exception.ResourceUnavailableException;
import com.cloud.network.Network;
import com.cloud.utils.exception.CloudRuntimeException;
import org.apache.cloudstack.api.ApiErrorCode;
import org.apache.cloudstack.api.ServerApiException;

/**
 * Compiles plugin-shaped sources (network element, DAO, API commands and response, storage provider reusing the
 * in-tree NFS classes) against the generated SDK with {@code --release 11}, then reads their annotations back by
 * reflection the way CloudStack does: proves the SDK is complete enough for the plugins, that the annotation
 * types are runtime-visible, that only real constant values were inlined, and that plugin classes can be
 * instantiated in unit tests (constructors complete, exceptions keep message and cause) while methods throw.
 */
class SdkUsableByPluginsTest {
    private static final String SHAPE = "org.linuxrouter.sdkshape.";

    @TempDir
    static Path work;

    private static Path classes;
    private static ClassLoader loader;

    @BeforeAll
    static void compilePluginShapes() throws Exception {
        classes = new StubCompiler(work).compile("plugin-shape", "plugin-shape");
        loader = new URLClassLoader(new URL[] {classes.toUri().toURL()}, SdkUsableByPluginsTest.class.getClassLoader());
    }

    @Test
    void apiCommandAndParametersAreVisibleAtRuntimeWithTheRealConstantValues() throws Exception {
        Class<?> cmd = Class.forName(SHAPE + "ShapeCmd", false, loader);

        Annotation api = annotation(cmd.getAnnotations(), "org.apache.cloudstack.api.APICommand");
        assertEquals("addShape", value(api, "name"));
        assertEquals("org.apache.cloudstack.api.response.SuccessResponse",
                ((Class<?>) value(api, "responseObject")).getName());
        Annotation zone = annotation(cmd.getDeclaredField("zoneId").getAnnotations(), "org.apache.cloudstack.api.Parameter");
        assertEquals("zoneid", value(zone, "name"), "expected ApiConstants.ZONE_ID inlined with its real value");
        assertEquals("UUID", value(zone, "type").toString());
        assertEquals(255, value(zone, "length"), "expected the real default of Parameter.length");
        Annotation password = annotation(cmd.getDeclaredField("password").getAnnotations(),
                "org.apache.cloudstack.api.Parameter");
        assertEquals("password", value(password, "name"));
    }

    @Test
    void responseAndEntityAnnotationsAreVisibleAtRuntime() throws Exception {
        Class<?> response = Class.forName(SHAPE + "ShapeResponse", false, loader);
        Class<?> vo = Class.forName(SHAPE + "ShapeVO", false, loader);

        Annotation ref = annotation(response.getAnnotations(), "org.apache.cloudstack.api.EntityReference");
        assertArrayEquals(new Class<?>[] {vo}, (Class<?>[]) value(ref, "value"));
        Annotation param = annotation(response.getDeclaredField("id").getAnnotations(), "com.cloud.serializer.Param");
        assertEquals("the id", value(param, "description"));
        Annotation serialized = annotation(response.getDeclaredField("id").getAnnotations(),
                "com.google.gson.annotations.SerializedName");
        assertEquals("id", value(serialized, "value"));
        assertNotNull(annotation(vo.getDeclaredField("secret").getAnnotations(), "com.cloud.utils.db.Encrypt"));
        Annotation removed = annotation(vo.getDeclaredField("removed").getAnnotations(), "javax.persistence.Column");
        assertEquals("removed", value(removed, "name"), "expected GenericDao.REMOVED_COLUMN inlined");
    }

    @Test
    void unrecordedConstantIsReadFromCloudStackAtRuntimeNotInlined() {
        String code = javap("-c", "-p", "-cp", classes.toString(), SHAPE + "ShapeStorage");

        assertTrue(code.contains("Field org/apache/cloudstack/engine/subsystem/api/storage/DataStoreProvider.DEFAULT_PRIMARY"),
                () -> "expected a getstatic of DataStoreProvider.DEFAULT_PRIMARY in\n" + code);
    }

    @Test
    void pluginClassesExtendingSdkClassesCanBeInstantiatedWhileSdkMethodsStillThrow() throws Exception {
        for (String shape : List.of("ShapeElement", "ShapeDao", "ShapeCmd", "ShapeListCmd", "ShapeResponse", "ShapeVO")) {
            Object instance = Class.forName(SHAPE + shape, true, loader).getDeclaredConstructor().newInstance();
            assertEquals(SHAPE + shape, instance.getClass().getName());
        }
        Object element = Class.forName(SHAPE + "ShapeElement", true, loader).getDeclaredConstructor().newInstance();
        Method getName = element.getClass().getMethod("getName");
        InvocationTargetException thrown = assertThrows(InvocationTargetException.class, () -> getName.invoke(element));
        assertEquals(UnsupportedOperationException.class, thrown.getCause().getClass(),
                "expected an inherited sdk method to throw, saw " + thrown.getCause());
    }

    @Test
    void exceptionsKeepTheirMessageAndCause() {
        IllegalStateException cause = new IllegalStateException("connection refused");
        ResourceUnavailableException unavailable = new ResourceUnavailableException("router r1 unreachable",
                Network.class, 7L, cause);
        assertEquals("router r1 unreachable", unavailable.getMessage());
        assertSame(cause, unavailable.getCause());
        assertEquals("zoneid: expected a zone", new InvalidParameterValueException("zoneid: expected a zone").getMessage());
        assertEquals("bad url", new ServerApiException(ApiErrorCode.PARAM_ERROR, "bad url").getMessage());
        assertSame(cause, new CloudRuntimeException("failed", cause).getCause());
    }

    private static String javap(String... args) {
        ToolProvider javap = ToolProvider.findFirst("javap").orElseThrow();
        StringWriter out = new StringWriter();
        int rc = javap.run(new PrintWriter(out, true), new PrintWriter(out, true), args);
        assertEquals(0, rc, out::toString);
        return out.toString();
    }

    private static Annotation annotation(Annotation[] all, String type) {
        for (Annotation a : all) {
            if (a.annotationType().getName().equals(type)) {
                return a;
            }
        }
        throw new AssertionError("expected a runtime-visible @" + type + ", saw " + java.util.Arrays.toString(all));
    }

    private static Object value(Annotation a, String element) throws Exception {
        Method m = a.annotationType().getMethod(element);
        return m.invoke(a);
    }
}
