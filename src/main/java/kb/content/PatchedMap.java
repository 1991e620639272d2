package kb.content;

import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;

/**
 * An unmodifiable map that is another map with a few entries put or removed, made in the size of
 * the change instead of the size of the map: a reload after an edit changes one article of twenty
 * thousand (and a few of a language's words and error codes). Changes made on top of a patched map
 * join its changes over the same base; once they outgrow a fraction of the base, the whole is
 * copied into a new base, so lookups stay two probes and the copying, spread over the edits, stays
 * proportional to them.
 */
public final class PatchedMap<K, V> extends AbstractMap<K, V> {
    /** Changes beyond this (or an eighth of the base) and a patch is copied into a plain map. */
    private static final int LIMIT = 256;
    private static final Object GONE = new Object();

    private final Map<K, V> base;
    /** The patch: each changed key's new value, or {@link #GONE}. */
    private final Map<K, Object> changes;
    private final int size;

    private PatchedMap(Map<K, V> base, Map<K, Object> changes) {
        this.base = base;
        this.changes = changes;
        int n = base.size();
        for (Map.Entry<K, Object> e : changes.entrySet()) {
            boolean before = base.containsKey(e.getKey());
            boolean after = e.getValue() != GONE;
            n += (after ? 1 : 0) - (before ? 1 : 0);
        }
        this.size = n;
    }

    /** A change to make to a map: puts and removals, applied in order by {@link #apply}. */
    public static final class Change<K, V> {
        private final Map<K, Object> changes = new HashMap<>();

        public Change<K, V> put(K key, V value) {
            changes.put(key, value);
            return this;
        }

        public Change<K, V> remove(K key) {
            changes.put(key, GONE);
            return this;
        }

        /** {@code map} with these changes; {@code map} itself is left as it was. */
        @SuppressWarnings("unchecked")
        public Map<K, V> apply(Map<K, V> map) {
            if (changes.isEmpty()) {
                return map;
            }
            Map<K, V> base = map;
            Map<K, Object> merged = new HashMap<>();
            if (map instanceof PatchedMap<K, V> patched) {
                base = patched.base;
                merged.putAll(patched.changes);
            }
            merged.putAll(changes);
            if (merged.size() > Math.max(LIMIT, base.size() / 8)) {
                Map<K, V> copy = new HashMap<>(base);
                merged.forEach((k, v) -> {
                    if (v == GONE) {
                        copy.remove(k);
                    } else {
                        copy.put(k, (V) v);
                    }
                });
                return java.util.Collections.unmodifiableMap(copy);
            }
            return new PatchedMap<>(base, merged);
        }
    }

    @Override
    @SuppressWarnings("unchecked")
    public V get(Object key) {
        Object changed = changes.get(key);
        if (changed != null) {
            return changed == GONE ? null : (V) changed;
        }
        return base.get(key);
    }

    @Override
    public boolean containsKey(Object key) {
        Object changed = changes.get(key);
        if (changed != null) {
            return changed != GONE;
        }
        return base.containsKey(key);
    }

    @Override
    public int size() {
        return size;
    }

    @Override
    public Set<Map.Entry<K, V>> entrySet() {
        return new AbstractSet<>() {
            @Override
            public int size() {
                return size;
            }

            @Override
            public Iterator<Map.Entry<K, V>> iterator() {
                return new Entries();
            }
        };
    }

    /** The base's entries that the patch leaves, then the patch's own. */
    private final class Entries implements Iterator<Map.Entry<K, V>> {
        private final Iterator<Map.Entry<K, V>> fromBase = base.entrySet().iterator();
        private final Iterator<Map.Entry<K, Object>> fromChanges = changes.entrySet().iterator();
        private Map.Entry<K, V> next;

        Entries() {
            advance();
        }

        @SuppressWarnings("unchecked")
        private void advance() {
            next = null;
            while (fromBase.hasNext()) {
                Map.Entry<K, V> e = fromBase.next();
                if (!changes.containsKey(e.getKey())) {
                    next = e;
                    return;
                }
            }
            while (fromChanges.hasNext()) {
                Map.Entry<K, Object> e = fromChanges.next();
                if (e.getValue() != GONE) {
                    next = new AbstractMap.SimpleImmutableEntry<>(e.getKey(), (V) e.getValue());
                    return;
                }
            }
        }

        @Override
        public boolean hasNext() {
            return next != null;
        }

        @Override
        public Map.Entry<K, V> next() {
            if (next == null) {
                throw new NoSuchElementException();
            }
            Map.Entry<K, V> e = next;
            advance();
            return e;
        }
    }
}
