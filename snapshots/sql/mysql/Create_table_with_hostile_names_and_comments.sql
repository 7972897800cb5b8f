CREATE TABLE `t``; DROP TABLE users; --  x` (
    id INT NOT NULL,
    `c'"`` ;#` VARCHAR(40) DEFAULT 'a''; DROP TABLE users; --' COMMENT '''); DROP TABLE users; -- \\''    `x`',
    PRIMARY KEY (id),
    CONSTRAINT `ck``;x` CHECK (id > 0)
) COMMENT = '''); DROP TABLE users; -- \\''    `x`';

