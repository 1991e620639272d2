package kb.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The first load's heap budget: when it collects, and what budget follows. */
class HeapBudgetTest {
    private static final long MIB = 1L << 20;

    /** A heap whose sizes the test sets, and whose collections it counts and scripts. */
    private static final class FakeHeap {
        long committed;
        long used;
        long committedAfter;
        long usedAfter;
        int collections;
        boolean building = true;

        /** A heap with this much committed, which a collection leaves at {@code committedAfter} with {@code usedAfter} in use (MiB). */
        FakeHeap(long committed, long committedAfter, long usedAfter) {
            this.committed = committed * MIB;
            this.committedAfter = committedAfter * MIB;
            this.usedAfter = usedAfter * MIB;
        }

        HeapBudget budget() {
            return new HeapBudget(() -> building, () -> committed, () -> used, () -> {
                collections++;
                committed = committedAfter;
                used = usedAfter;
            });
        }
    }

    @Test
    void aHeapWithinTheBudgetIsLeftAlone() {
        FakeHeap heap = new FakeHeap(HeapBudget.FLOOR / MIB, 0, 0);
        HeapBudget budget = heap.budget();
        assertFalse(budget.check());
        assertEquals(0, heap.collections);
    }

    @Test
    void aHeapOverTheBudgetIsCollectedAndTheBudgetFollowsWhatIsLive() {
        FakeHeap heap = new FakeHeap(900, 400, 200);
        HeapBudget budget = heap.budget();
        assertTrue(budget.check());
        assertEquals(1, heap.collections);
        assertEquals(HeapBudget.LIVE_MULTIPLE * 200 * MIB, budget.budget(), "three times what is live, above the floor");
        // Grown again, but within the new budget: no collection.
        heap.committed = 550 * MIB;
        assertFalse(budget.check());
        assertEquals(1, heap.collections);
    }

    @Test
    void aSmallLiveSetKeepsTheFloor() {
        FakeHeap heap = new FakeHeap(700, 100, 50);
        HeapBudget budget = heap.budget();
        assertTrue(budget.check());
        assertEquals(HeapBudget.FLOOR, budget.budget());
    }

    @Test
    void aCollectionThatFreesNothingIsNotAskedForAgain() {
        // As with -XX:+DisableExplicitGC: the heap stays as it was.
        FakeHeap heap = new FakeHeap(2048, 2048, 300);
        HeapBudget budget = heap.budget();
        assertTrue(budget.check());
        assertEquals(2048 * MIB, budget.budget());
        assertFalse(budget.check());
        assertEquals(1, heap.collections);
    }

    @Test
    void aLoadThatBuildsNothingIsLeftAlone() {
        // A warm start: the index is read, not built; its heap is not the budget's business.
        FakeHeap heap = new FakeHeap(4096, 0, 0);
        heap.building = false;
        HeapBudget budget = heap.budget();
        assertFalse(budget.check());
        assertEquals(0, heap.collections);
        heap.building = true;
        assertTrue(budget.check());
    }

    @Test
    void aClosedBudgetCollectsNothing() {
        FakeHeap heap = new FakeHeap(4096, 0, 0);
        HeapBudget budget = heap.budget();
        budget.close();
        assertFalse(budget.check());
        assertEquals(0, heap.collections);
    }
}
