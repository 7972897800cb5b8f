CREATE TABLE diffmigrate_version (
    version_num VARCHAR(32) NOT NULL,
    CONSTRAINT diffmigrate_version_pkc PRIMARY KEY (version_num)
);
GO

INSERT INTO diffmigrate_version (version_num) VALUES (N'aaa');
GO

UPDATE diffmigrate_version SET version_num=N'bbb' WHERE diffmigrate_version.version_num = N'aaa';
GO

DELETE FROM diffmigrate_version WHERE diffmigrate_version.version_num = N'bbb';
GO

