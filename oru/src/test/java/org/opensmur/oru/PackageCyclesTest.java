package org.opensmur.oru;

import org.junit.jupiter.api.Test;
import org.opensmur.core.testing.PackageCycles;

/** This module's packages depend on each other one way only: a new arrow back up fails here, with no exception list. */
class PackageCyclesTest {

    @Test
    void noPackageOfThisModuleDependsBackOnOneThatDependsOnIt() {
        PackageCycles.assertNoneUnder("org.opensmur.oru");
    }
}
