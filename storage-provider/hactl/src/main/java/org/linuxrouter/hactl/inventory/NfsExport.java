package org.linuxrouter.hactl.inventory;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.ArrayList;
import java.util.List;

/**
 * One NFS export. {@code sync}/{@code async} and {@code fsid} are fields of their own, not options: {@code fsid} is
 * what keeps file handles valid across a failover, and {@code async} loses writes the clients were told are
 * durable, so neither may be left to a free-form option list.
 */
@JsonPropertyOrder({"path", "clients", "options", "fsid", "async"})
public record NfsExport(String path, String clients, List<String> options, Integer fsid, Boolean async) {

    public static final List<String> DEFAULT_OPTIONS = List.of("rw", "no_root_squash", "no_subtree_check");

    public NfsExport {
        options = options == null ? DEFAULT_OPTIONS : List.copyOf(options);
        async = async != null && async;
    }

    /** The option list as exports(5) gets it: the free options, then sync or async, then fsid. */
    public List<String> effectiveOptions() {
        List<String> all = new ArrayList<>(options);
        all.add(async ? "async" : "sync");
        all.add("fsid=" + fsid);
        return all;
    }

    /** The options for Pacemaker's exportfs agent, which takes fsid as a parameter of its own. */
    public List<String> exportfsOptions() {
        List<String> all = new ArrayList<>(options);
        all.add(async ? "async" : "sync");
        return all;
    }
}
