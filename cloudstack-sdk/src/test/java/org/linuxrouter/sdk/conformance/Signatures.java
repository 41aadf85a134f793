package org.linuxrouter.sdk.conformance;

/** Text rules shared by the listing parser and the checker. */
public final class Signatures {
    private Signatures() {
    }

    /**
     * The only normalisation the comparison allows: runs of whitespace become one space, and the space javap
     * prints (or not) after a comma is dropped, because javap prints {@code implements A,B} for plain classes
     * and {@code implements A<X>, B} for generic ones.
     */
    public static String normalize(String line) {
        return line.trim().replaceAll("\\s+", " ").replace(", ", ",");
    }

    /** True for an interface member javap prints as {@code abstract} or {@code default} method. */
    public static boolean isAbstractOrDefaultMethod(String member) {
        String padded = " " + normalize(member) + " ";
        return padded.contains("(") && (padded.contains(" abstract ") || padded.contains(" default "));
    }

    /**
     * The simple member name of a member line: the method or field name, or {@code <init>} for constructors.
     * Used to suggest the real members a wrong SDK member was probably meant to mirror.
     */
    public static String memberName(String member, String owner) {
        String line = normalize(member);
        int paren = line.indexOf('(');
        String head = paren < 0 ? line.replaceAll(";$", "") : line.substring(0, paren);
        int space = head.lastIndexOf(' ');
        String last = head.substring(space + 1);
        if (last.equals(owner)) {
            return "<init>";
        }
        return last;
    }
}
