PRAGMA foreign_keys = OFF;

BEGIN;

CREATE TABLE tags (
    id INTEGER NOT NULL CONSTRAINT pk_tags PRIMARY KEY AUTOINCREMENT,
    label VARCHAR(40) NOT NULL
);

DROP TABLE legacy;

CREATE TABLE _dm_new_people (
    id INTEGER NOT NULL CONSTRAINT pk_people PRIMARY KEY AUTOINCREMENT,
    code VARCHAR(10) NOT NULL,
    full_name VARCHAR(100),
    email TEXT NOT NULL,
    CONSTRAINT uq_people_code UNIQUE (code)
);

INSERT INTO _dm_new_people (id, code)
SELECT id, code FROM people;

DROP TABLE people;

PRAGMA legacy_alter_table = ON;

ALTER TABLE _dm_new_people RENAME TO people;

PRAGMA legacy_alter_table = OFF;

PRAGMA foreign_key_check;

COMMIT;

PRAGMA foreign_keys = ON;
