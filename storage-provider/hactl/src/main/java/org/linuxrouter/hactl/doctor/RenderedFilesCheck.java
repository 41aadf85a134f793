package org.linuxrouter.hactl.doctor;

import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.linuxrouter.hactl.render.PairRenderer;
import org.linuxrouter.hactl.render.RenderWriter;
import org.linuxrouter.hactl.render.RenderedFile;

/** Every file the inventory renders for this node is present, with the same bytes and mode. */
final class RenderedFilesCheck implements Check {

    @Override
    public String name() {
        return "files";
    }

    @Override
    public List<Finding> run(DoctorContext ctx) {
        List<RenderedFile> files = new PairRenderer().renderNode(ctx.loaded(), ctx.node());
        List<Finding> out = new ArrayList<>();
        String fix = "hactl render -i <inventory> --node " + ctx.node().hostname() + " --root /";
        for (RenderedFile f : files) {
            String path = "/" + f.path();
            Optional<byte[]> live = ctx.system().readBytes(path);
            if (live.isEmpty()) {
                out.add(Finding.of(name(), path.startsWith("/etc/drbd.d/") ? Severity.FAILED : Severity.WARNING,
                        path + " is missing", fix));
            } else if (!Arrays.equals(live.get(), f.content())) {
                out.add(Finding.of(name(), Severity.WARNING, path + " differs from what the inventory renders", fix));
            } else {
                String mode = ctx.system().permissions(path).map(PosixFilePermissions::toString).orElse("?");
                String want = PosixFilePermissions.toString(RenderWriter.permissions(f.mode()));
                if (!mode.equals(want)) {
                    out.add(Finding.of(name(), Severity.WARNING, path + " has mode " + mode + ", not " + want, fix));
                }
            }
        }
        if (out.isEmpty()) {
            out.add(Finding.ok(name(), "all " + files.size() + " files match the inventory"));
        }
        return out;
    }
}
