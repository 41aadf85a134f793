package org.linuxrouter.sdk.generator;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import org.linuxrouter.sdk.conformance.Listing;

/**
 * Generates {@code cloudstack-sdk/src/main/java} from the listing, {@code sdk-supplement.sigs},
 * {@code sdk-roots.txt}, {@code sdk-constants.properties} and {@code sdk-annotations.properties}.
 * Usage: {@code SdkGenerator <cloudstack-sdk module directory>}, normally through
 * {@code mvn -B -q -pl cloudstack-sdk -Dmaven.main.skip test-compile exec:java} (main is skipped because the
 * previous generation may not compile).
 */
public final class SdkGenerator {
    static final String LISTING = "src/test/resources/api-4.22.0.0-SNAPSHOT.sigs";

    private SdkGenerator() {
    }

    public static void main(String[] args) {
        if (args.length != 1) {
            throw new IllegalArgumentException("usage: SdkGenerator <cloudstack-sdk module directory>; saw "
                    + args.length + " arguments");
        }
        Path module = Path.of(args[0]).toAbsolutePath().normalize();
        if (!Files.isRegularFile(module.resolve("sdk-roots.txt"))) {
            throw new IllegalArgumentException("expected the cloudstack-sdk module directory (with sdk-roots.txt), saw "
                    + module);
        }
        System.out.println(generate(module, module.resolve("src/main/java")));
    }

    /** Generates the SDK of {@code module} into {@code sources} (normally its src/main/java); returns a report. */
    static String generate(Path module, Path sources) {
        Listing listing = Listing.read(module.resolve(LISTING)).plus(Listing.read(module.resolve("sdk-supplement.sigs")));
        Model model = new Model(listing);
        Plan plan = new Closure(model, Roots.read(module.resolve("sdk-roots.txt"))).compute();
        ConstantValues constants = ConstantValues.read(module.resolve("sdk-constants.properties"));
        requireConstantsKept(model, plan, constants);
        SourceWriter writer = new SourceWriter(model, plan, constants,
                AnnotationMeta.read(module.resolve("sdk-annotations.properties")));
        GeneratedTree tree = new GeneratedTree(sources);
        int removed = tree.clean();
        Set<String> topLevel = plan.types().stream().map(TypeText::topLevelOf).collect(Collectors.toCollection(TreeSet::new));
        Set<String> packages = topLevel.stream().map(TypeText::packageOf).collect(Collectors.toCollection(TreeSet::new));
        topLevel.forEach(t -> tree.write(t, writer.file(t)));
        packages.forEach(p -> tree.writePackageInfo(p, writer.packageInfo(p)));
        long fromSupplement = plan.types().stream()
                .filter(t -> !model.block(t).origin().startsWith("api-")).count();
        return "cloudstack-sdk generator: " + plan.types().size() + " types (" + fromSupplement
                + " from sdk-supplement.sigs) in " + topLevel.size() + " files and " + packages.size()
                + " packages, " + plan.memberCount() + " members; " + plan.bridges().size()
                + " javac bridge methods left to javac; replaced " + removed + " previously generated files";
    }

    /** Every recorded constant must be a kept static final primitive/String field with a literal of its type. */
    private static void requireConstantsKept(Model model, Plan plan, ConstantValues constants) {
        for (Map.Entry<String, String> e : constants.all().entrySet()) {
            String key = e.getKey();
            int dot = key.lastIndexOf('.');
            String owner = key.substring(0, dot);
            String field = key.substring(dot + 1);
            Member m = plan.members(owner).stream().filter(x -> x.isField() && x.name().equals(field)).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("sdk-constants.properties: " + key
                            + " is not a field kept in the sdk; expected it listed in sdk-roots.txt"));
            boolean implicitlyStaticFinal = model.header(owner).kind().isInterfaceLike();
            if (!implicitlyStaticFinal && !(m.has("static") && m.has("final"))) {
                throw new IllegalArgumentException("sdk-constants.properties: " + key
                        + " expected a static final field, saw '" + m.line() + "'");
            }
            if (!Values.canBeConstant(m.type())) {
                throw new IllegalArgumentException("sdk-constants.properties: " + key
                        + " expected a primitive or String field, saw type " + m.type());
            }
            ConstantValues.requireLiteral(key, m.type(), e.getValue());
        }
    }
}
