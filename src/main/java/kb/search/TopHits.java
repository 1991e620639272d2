package kb.search;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.search.Collector;
import org.apache.lucene.search.CollectorManager;
import org.apache.lucene.search.LeafCollector;
import org.apache.lucene.search.Scorable;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.util.PriorityQueue;

/**
 * The best {@code size} documents of a query, best first, without the cost of Lucene's collector
 * when few documents match: Lucene's fills its queue with {@code size} placeholders before the
 * first hit, and a search runs a few such queries of {@link LanguageIndex#CANDIDATES} each, most of
 * them matching a handful of sections (a tenth of what a search allocated). Here a hit is made only
 * for a document that matched. As Lucene's does, it lets the query skip documents that cannot enter
 * a full queue once more than {@link #COUNTED} have matched.
 *
 * <p>Equal scores are ordered by a {@link TieOrder}. With {@link TieOrder#DOCUMENT} (the lower
 * document first) the result is exactly {@code IndexSearcher.search(query, size)}'s. The site
 * orders ties by what the documents stand for instead: document numbers follow the order in which
 * files were indexed, which a parallel build does not fix, so two replicas of the same content, or
 * two starts of one, would order equal answers differently.
 */
final class TopHits implements CollectorManager<TopHits.Best, List<ScoreDoc>> {
    /** As Lucene's default: hits are counted exactly up to here before skipping is allowed. */
    static final int COUNTED = 1000;

    /** Which of two documents with the same score comes first. */
    @FunctionalInterface
    interface TieOrder {
        /** Negative when {@code a} comes first, positive when {@code b} does; never 0 for two documents. */
        int compare(int a, int b);

        /** The lower document first, as Lucene orders ties. */
        TieOrder DOCUMENT = Integer::compare;
    }

    private final int size;
    private final TieOrder ties;
    /** Best first: the higher score, then the tie order. */
    private final Comparator<ScoreDoc> bestFirst;

    /** Ties in Lucene's order. */
    TopHits(int size) {
        this(size, TieOrder.DOCUMENT);
    }

    TopHits(int size, TieOrder ties) {
        this.size = size;
        this.ties = ties;
        this.bestFirst = (a, b) -> a.score != b.score ? Float.compare(b.score, a.score) : ties.compare(a.doc, b.doc);
    }

    @Override
    public Best newCollector() {
        return new Best(size, ties);
    }

    @Override
    public List<ScoreDoc> reduce(Collection<Best> collectors) {
        List<ScoreDoc> all = new ArrayList<>();
        for (Best best : collectors) {
            while (best.queue.size() > 0) {
                all.add(best.queue.pop());
            }
        }
        all.sort(bestFirst);
        return all.size() > size ? List.copyOf(all.subList(0, size)) : all;
    }

    /** One slice's best documents. */
    static final class Best implements Collector {
        private final int size;
        private final TieOrder ties;
        /** Not filled in advance: the worst on top (the lower score, then the later in the tie order). */
        private final PriorityQueue<ScoreDoc> queue;
        private int counted;
        private float minCompetitive;

        Best(int size, TieOrder ties) {
            this.size = size;
            this.ties = ties;
            this.queue = new PriorityQueue<>(size) {
                @Override
                protected boolean lessThan(ScoreDoc a, ScoreDoc b) {
                    return a.score != b.score ? a.score < b.score : ties.compare(a.doc, b.doc) > 0;
                }
            };
        }

        @Override
        public LeafCollector getLeafCollector(LeafReaderContext context) {
            int base = context.docBase;
            return new LeafCollector() {
                private Scorable scorer;

                @Override
                public void setScorer(Scorable scorer) throws IOException {
                    this.scorer = scorer;
                    competitive(scorer);
                }

                @Override
                public void collect(int doc) throws IOException {
                    counted++;
                    if (size == 0) {
                        return;
                    }
                    float score = scorer.score();
                    int global = base + doc;
                    if (queue.size() < size) {
                        queue.add(new ScoreDoc(global, score));
                    } else {
                        ScoreDoc worst = queue.top();
                        if (score < worst.score || (score == worst.score && ties.compare(global, worst.doc) > 0)) {
                            return;
                        }
                        worst.doc = global;
                        worst.score = score;
                        queue.updateTop();
                    }
                    competitive(scorer);
                }
            };
        }

        /** Once the queue is full and enough hits were counted, documents scoring no more than its worst can be skipped. */
        private void competitive(Scorable scorer) throws IOException {
            if (size > 0 && queue.size() == size && counted > COUNTED) {
                // Documents come in order: in Lucene's tie order a later one never wins a tie, so
                // only a higher score competes; in another, an equal score still may.
                float worst = queue.top().score;
                float min = ties == TieOrder.DOCUMENT ? Math.nextUp(worst) : worst;
                if (min > minCompetitive) {
                    scorer.setMinCompetitiveScore(min);
                    minCompetitive = min;
                }
            }
        }

        @Override
        public ScoreMode scoreMode() {
            return ScoreMode.TOP_SCORES;
        }
    }
}
