package org.opensmur.hubsim.recette;

import java.nio.file.Path;

/**
 * The recette's tools that need no tablet: {@code coverage SHARED_DIR} prints, per sent type and model line,
 * how many properties of its official schema the tablet can produce and the others with their reasons.
 * {@code variants N SEED OFFICIAL_ROOT CASES OUT} writes N variants of each case of CASES (official format)
 * into OUT ({@link Variants}) and prints the cases file written. Run by {@code ./bin/recette --coverage} and
 * {@code ./bin/recette --variants N --seed S}.
 */
public final class RecetteTools {

    private RecetteTools() {
    }

    public static void main(String[] args) {
        if (args.length == 6 && args[0].equals("variants")) {
            Variants.Written written = Variants.write(Path.of(args[3]), Path.of(args[4]), Integer.parseInt(args[1]), Long.parseLong(args[2]),
                    Path.of(args[5]));
            System.err.println("variants: " + written.variants() + " per case, " + written.drawn() + " values drawn, "
                    + written.kept() + " kept as the official example has them (refused ten times by the official schema)");
            System.out.println(written.cases());
            return;
        }
        if (args.length < 2 || !args[0].equals("coverage")) {
            System.err.println("usage: RecetteTools coverage SHARED_DIR | variants N SEED OFFICIAL_ROOT CASES OUT");
            System.exit(2);
        }
        Path shared = Path.of(args[1]);
        int undeclared = 0;
        for (String[] line : new String[][] {{"3", "hub-conformance"}, {"2.0", "hub-conformance-v2"}}) {
            for (Coverage.TypeCoverage type : Coverage.of(shared.resolve(line[1]).resolve("schemas"), line[0])) {
                type.lines().forEach(System.out::println);
                undeclared += type.undeclared().size();
            }
        }
        System.exit(undeclared == 0 ? 0 : 1);
    }
}
