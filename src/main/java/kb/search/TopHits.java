package kb.search;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.search.Collector;
import org.apache.lucene.search.HitQueue;
import org.apache.lucene.search.CollectorManager;
import org.apache.lucene.search.LeafCollector;
import org.apache.lucene.search.Scorable;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.ScoreMode;

/**
 * The best {@code size} documents of a query, best first, ties to the lower document, exactly as
 * {@code IndexSearcher.search(query, size)} gives them, without its cost when few documents match:
 * Lucene's collector fills its queue with {@code size} placeholders before the first hit, and a
 * search runs a few such queries of {@link LanguageIndex#CANDIDATES} each, most of them matching a
 * handful of sections (a tenth of what a search allocated). Here a hit is made only for a document
 * that matched. As Lucene's does, it lets the query skip documents that cannot enter a full queue
 * once more than {@link #COUNTED} have matched.
 */
final class TopHits implements CollectorManager<TopHits.Best, List<ScoreDoc>> {
    /** As Lucene's default: hits are counted exactly up to here before skipping is allowed. */
    static final int COUNTED = 1000;
    /** Best first: the higher score, then the lower document. */
    private static final Comparator<ScoreDoc> BEST_FIRST = Comparator.<ScoreDoc>comparingDouble(d -> -d.score).thenComparingInt(d -> d.doc);

    private final int size;

    TopHits(int size) {
        this.size = size;
    }

    @Override
    public Best newCollector() {
        return new Best(size);
    }

    @Override
    public List<ScoreDoc> reduce(Collection<Best> collectors) {
        List<ScoreDoc> all = new ArrayList<>();
        for (Best best : collectors) {
            while (best.queue.size() > 0) {
                all.add(best.queue.pop());
            }
        }
        all.sort(BEST_FIRST);
        return all.size() > size ? List.copyOf(all.subList(0, size)) : all;
    }

    /** One slice's best documents. */
    static final class Best implements Collector {
        private final int size;
        /** Lucene's own queue, not filled in advance: the worst on top (the lower score, then the higher document). */
        private final HitQueue queue;
        private int counted;
        private float minCompetitive;

        Best(int size) {
            this.size = size;
            this.queue = new HitQueue(size, false);
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
                    if (queue.size() < size) {
                        queue.add(new ScoreDoc(base + doc, score));
                    } else if (score > queue.top().score) {
                        // Documents come in order: an equal score never displaces the lower document.
                        ScoreDoc worst = queue.top();
                        worst.doc = base + doc;
                        worst.score = score;
                        queue.updateTop();
                    } else {
                        return;
                    }
                    competitive(scorer);
                }
            };
        }

        /** Once the queue is full and enough hits were counted, documents scoring no more than its worst can be skipped. */
        private void competitive(Scorable scorer) throws IOException {
            if (size > 0 && queue.size() == size && counted > COUNTED) {
                float min = Math.nextUp(queue.top().score);
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
