package org.linuxrouter.hactl.render;

import java.util.List;

/** Renders the file(s) of one kind for one node; returns nothing when the pair does not use that file. */
public interface FileRenderer {
    List<RenderedFile> render(NodeContext ctx);
}
