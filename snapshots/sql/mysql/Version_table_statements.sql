CREATE TABLE diffmigrate_version (
    version_num VARCHAR(32) NOT NULL,
    CONSTRAINT diffmigrate_version_pkc PRIMARY KEY (version_num)
);

INSERT INTO diffmigrate_version (version_num) VALUES ('aaa');

UPDATE diffmigrate_version SET version_num='bbb' WHERE diffmigrate_version.version_num = 'aaa';

DELETE FROM diffmigrate_version WHERE diffmigrate_version.version_num = 'bbb';

