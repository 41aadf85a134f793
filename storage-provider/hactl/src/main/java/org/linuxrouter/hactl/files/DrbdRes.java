package org.linuxrouter.hactl.files;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads a DRBD resource file (drbd.conf(5), 8.4 and 9 dialects) into its resources: name, protocol (at resource
 * level, as the recipe writes it, or in {@code net}), and per {@code on <host>} section the device, backing disk
 * and address. Sections it does not need ({@code startup}, {@code disk}, {@code handlers}...) are parsed and
 * skipped; DRBD 9's {@code connection} meshes are refused (a pair has two {@code on} sections).
 */
public final class DrbdRes {

    public record Host(String name, String device, String disk, String address, int port) {
    }

    public record Resource(String name, String protocol, List<Host> hosts) {
    }

    /** A parsed statement ({@code words;}) or section ({@code words { children }}). */
    private record Node(int line, List<String> words, List<Node> children, boolean section) {
    }

    private DrbdRes() {
    }

    public static List<Resource> parse(String file, String text) throws ConfigFileException {
        Tokens tokens = new Tokens(file, text);
        List<Node> top = block(tokens, false);
        List<Resource> out = new ArrayList<>();
        for (Node n : top) {
            if (n.section() && n.words().get(0).equals("resource")) {
                out.add(resource(file, n));
            } else if (!(n.section() && (n.words().get(0).equals("global") || n.words().get(0).equals("common")))
                    && !n.words().get(0).equals("include")) {
                throw new ConfigFileException(file, n.line(), "unexpected '" + n.words().get(0) + "' at top level");
            }
        }
        return out;
    }

    private static Resource resource(String file, Node r) throws ConfigFileException {
        if (r.words().size() != 2) {
            throw new ConfigFileException(file, r.line(), "expected 'resource <name> {'");
        }
        String protocol = null;
        Map<String, String> common = new LinkedHashMap<>();
        List<Node> ons = new ArrayList<>();
        for (Node c : r.children()) {
            String key = c.words().get(0);
            if (!c.section() && key.equals("protocol")) {
                protocol = c.words().get(1);
            } else if (c.section() && key.equals("net")) {
                for (Node n : c.children()) {
                    if (!n.section() && n.words().get(0).equals("protocol")) {
                        protocol = n.words().get(1);
                    }
                }
            } else if (c.section() && key.equals("on")) {
                ons.add(c);
            } else if (c.section() && (key.equals("connection") || key.equals("connection-mesh"))) {
                throw new ConfigFileException(file, c.line(), "DRBD 9 '" + key + "' sections are not supported; "
                        + "a pair has its addresses in two 'on' sections");
            } else if (!c.section() && c.words().size() == 2) {
                common.put(key, c.words().get(1)); // device/disk/meta-disk shared by both hosts
            }
        }
        List<Host> hosts = new ArrayList<>();
        for (Node on : ons) {
            if (on.words().size() != 2) {
                throw new ConfigFileException(file, on.line(), "expected 'on <hostname> {'");
            }
            Map<String, String> v = new LinkedHashMap<>(common);
            for (Node s : on.children()) {
                if (!s.section() && s.words().size() >= 2) {
                    // "address ipv4 10.0.0.1:7788" and "device /dev/drbd0 minor 0": the value is the word after
                    // an optional address family, the first otherwise
                    List<String> w = s.words();
                    String value = w.get(0).equals("address") && w.size() == 3 ? w.get(2) : w.get(1);
                    v.put(w.get(0), value);
                }
            }
            String address = v.get("address");
            if (address == null || v.get("device") == null || v.get("disk") == null) {
                throw new ConfigFileException(file, on.line(), "'on " + on.words().get(1)
                        + "' needs device, disk and address");
            }
            int colon = address.lastIndexOf(':');
            if (colon < 0 || !address.substring(colon + 1).matches("[0-9]{1,5}")) {
                throw new ConfigFileException(file, on.line(), "address '" + address + "' has no port");
            }
            String ip = address.substring(0, colon);
            if (ip.startsWith("[") && ip.endsWith("]")) {
                ip = ip.substring(1, ip.length() - 1);
            }
            hosts.add(new Host(on.words().get(1), v.get("device"), v.get("disk"), ip,
                    Integer.parseInt(address.substring(colon + 1))));
        }
        return new Resource(r.words().get(1), protocol, List.copyOf(hosts));
    }

    private static List<Node> block(Tokens t, boolean nested) throws ConfigFileException {
        List<Node> nodes = new ArrayList<>();
        List<String> words = new ArrayList<>();
        int line = 0;
        while (true) {
            String tok = t.next();
            if (tok == null) {
                if (nested || !words.isEmpty()) {
                    throw new ConfigFileException(t.file, t.line, "unexpected end of file (missing '}' or ';')");
                }
                return nodes;
            }
            if (words.isEmpty()) {
                line = t.line;
            }
            switch (tok) {
                case "{":
                    if (words.isEmpty()) {
                        throw new ConfigFileException(t.file, t.line, "'{' without a section name");
                    }
                    nodes.add(new Node(line, List.copyOf(words), block(t, true), true));
                    words.clear();
                    break;
                case "}":
                    if (!nested || !words.isEmpty()) {
                        throw new ConfigFileException(t.file, t.line, "unexpected '}'");
                    }
                    return nodes;
                case ";":
                    if (!words.isEmpty()) {
                        nodes.add(new Node(line, List.copyOf(words), List.of(), false));
                        words.clear();
                    }
                    break;
                default:
                    words.add(tok);
            }
        }
    }

    /** Words, quoted strings, '{', '}' and ';'; '#' starts a comment. */
    private static final class Tokens {
        final String file;
        final String text;
        int pos;
        int line = 1;

        Tokens(String file, String text) {
            this.file = file;
            this.text = text;
        }

        String next() throws ConfigFileException {
            while (pos < text.length()) {
                char c = text.charAt(pos);
                if (c == '\n') {
                    line++;
                    pos++;
                } else if (Character.isWhitespace(c)) {
                    pos++;
                } else if (c == '#') {
                    while (pos < text.length() && text.charAt(pos) != '\n') {
                        pos++;
                    }
                } else {
                    break;
                }
            }
            if (pos >= text.length()) {
                return null;
            }
            char c = text.charAt(pos);
            if (c == '{' || c == '}' || c == ';') {
                pos++;
                return String.valueOf(c);
            }
            if (c == '"') {
                int end = text.indexOf('"', pos + 1);
                if (end < 0) {
                    throw new ConfigFileException(file, line, "unterminated string");
                }
                String s = text.substring(pos + 1, end);
                pos = end + 1;
                return s;
            }
            int start = pos;
            while (pos < text.length() && !Character.isWhitespace(text.charAt(pos))
                    && "{};#\"".indexOf(text.charAt(pos)) < 0) {
                pos++;
            }
            return text.substring(start, pos);
        }
    }
}
