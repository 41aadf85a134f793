package org.linuxrouter.hactl;

import org.linuxrouter.hactl.doctor.CommandRunner;
import picocli.CommandLine;

/** The real hactl command line, with the doctor's commands answered by the given runner. */
public final class DoctorCommandAccess {
    private DoctorCommandAccess() {
    }

    public static CommandLine commandLine(CommandRunner runner) {
        return Hactl.commandLine(new CommandLine.IFactory() {
            @Override
            public <K> K create(Class<K> cls) throws Exception {
                if (cls == DoctorCommand.class) {
                    return cls.cast(new DoctorCommand().withRunner(runner));
                }
                return CommandLine.defaultFactory().create(cls);
            }
        });
    }
}
