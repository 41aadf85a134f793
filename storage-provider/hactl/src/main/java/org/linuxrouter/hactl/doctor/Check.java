package org.linuxrouter.hactl.doctor;

import java.util.List;

/** One rule of the doctor: looks at the node and returns its findings (at least one, OK when all is well). */
public interface Check {

    /** Short stable name, used in output and by {@code --skip}. */
    String name();

    List<Finding> run(DoctorContext ctx);
}
