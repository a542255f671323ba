package org.opensmur.hubsim.recette;

import java.nio.file.Path;

/**
 * The recette's tools that need no tablet: {@code coverage SHARED_DIR} prints, per sent type and model line,
 * how many properties of its official schema the tablet can produce and the others with their reasons.
 * Run by {@code ./bin/recette --coverage}.
 */
public final class RecetteTools {

    private RecetteTools() {
    }

    public static void main(String[] args) {
        if (args.length < 2 || !args[0].equals("coverage")) {
            System.err.println("usage: RecetteTools coverage SHARED_DIR");
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
