-- One set of SQL for SQLite and PostgreSQL: portable types only (VARCHAR, TEXT, SMALLINT, INTEGER,
-- BIGINT), natural or application-made keys instead of vendor auto-increments, days as 'YYYY-MM-DD'
-- text (UTC) so that comparing them compares dates on both, times as epoch milliseconds.

-- The salt of each day's reader hashes, shared by every replica; deleted after two days, so a
-- stored reader hash can no longer be tied to an address.
CREATE TABLE reader_salts (
    day VARCHAR(10) NOT NULL PRIMARY KEY,
    salt VARCHAR(64) NOT NULL
);

-- One vote per reader per article per day: a new vote replaces the earlier one.
CREATE TABLE votes (
    day VARCHAR(10) NOT NULL,
    reader VARCHAR(64) NOT NULL,
    article VARCHAR(500) NOT NULL,
    lang VARCHAR(8) NOT NULL,
    helpful SMALLINT NOT NULL,
    reason VARCHAR(20),
    comment_text TEXT,
    voted_at BIGINT NOT NULL,
    PRIMARY KEY (day, reader, article)
);
CREATE INDEX votes_by_day ON votes (day, lang);

-- Every settled search: the normalised query, where it came from, how many results it had.
CREATE TABLE searches (
    id VARCHAR(32) NOT NULL PRIMARY KEY,
    day VARCHAR(10) NOT NULL,
    searched_at BIGINT NOT NULL,
    lang VARCHAR(8) NOT NULL,
    query_text VARCHAR(200) NOT NULL,
    results INTEGER NOT NULL,
    source VARCHAR(10) NOT NULL
);
CREATE INDEX searches_by_day ON searches (day, lang);

-- The results readers opened from a search, and at which position.
CREATE TABLE search_clicks (
    search_id VARCHAR(32) NOT NULL,
    click_position INTEGER NOT NULL,
    day VARCHAR(10) NOT NULL,
    url VARCHAR(500) NOT NULL,
    clicked_at BIGINT NOT NULL,
    PRIMARY KEY (search_id, click_position)
);
CREATE INDEX search_clicks_by_day ON search_clicks (day);
