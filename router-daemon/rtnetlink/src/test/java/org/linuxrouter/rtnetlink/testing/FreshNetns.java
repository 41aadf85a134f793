package org.linuxrouter.rtnetlink.testing;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Runs each test (with its @BeforeEach/@AfterEach) on a dedicated thread alone in a new, empty network namespace
 * with lo up. Needs root (CAP_SYS_ADMIN for unshare); the host's interfaces are never touched.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@ExtendWith(NetnsExtension.class)
public @interface FreshNetns {
}
