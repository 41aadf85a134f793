package org.linuxrouter.sdk.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

class ListingTest {

    @Test
    void parsesJavapOutputWithCompiledFromLinesAndComments() {
        Listing listing = Listing.parse(List.of(
                "# comment",
                "Compiled from \"Pair.java\"",
                "public class com.cloud.utils.Pair<T, U> implements java.io.Serializable {",
                "  public T first();",
                "}"), "test");

        ClassBlock pair = listing.block("com.cloud.utils.Pair").orElseThrow();
        assertEquals("public class com.cloud.utils.Pair<T, U> implements java.io.Serializable", pair.header());
        assertEquals(List.of("public T first();"), pair.members());
        assertEquals("test", pair.origin());
    }

    @Test
    void rejectsUnclosedBlockAndStrayLinesWithTheLineNumber() {
        IllegalArgumentException unclosed = assertThrows(IllegalArgumentException.class,
                () -> Listing.parse(List.of("public class a.B {", "  public a.B();"), "x.sigs"));
        assertTrue(unclosed.getMessage().contains("a.B is not closed"), unclosed.getMessage());

        IllegalArgumentException stray = assertThrows(IllegalArgumentException.class,
                () -> Listing.parse(List.of("public class a.B {", "  public a.B()", "}"), "x.sigs"));
        assertTrue(stray.getMessage().startsWith("x.sigs:2: expected a member line"), stray.getMessage());
    }

    @Test
    void refusesAClassInTwoListings() {
        Listing one = Listing.parse(List.of("public class a.B {", "}"), "one.sigs");
        Listing two = Listing.parse(List.of("public class a.B {", "}"), "two.sigs");

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> one.plus(two));
        assertTrue(e.getMessage().contains("a.B is in both one.sigs and two.sigs"), e.getMessage());
    }

    @Test
    void normalisationOnlyTouchesWhitespace() {
        assertEquals(Signatures.normalize("implements a.A,b.B"), Signatures.normalize("implements a.A, b.B"));
        assertTrue(!Signatures.normalize("java.util.List<T>").equals(Signatures.normalize("java.util.List<?>")));
    }
}
