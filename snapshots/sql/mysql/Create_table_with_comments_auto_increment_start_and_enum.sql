CREATE TABLE tickets (
    id INT NOT NULL AUTO_INCREMENT COMMENT 'numbered from 1000',
    state ENUM('open', 'it''s closed') NOT NULL DEFAULT 'open',
    done TINYINT(1) NOT NULL DEFAULT 0,
    notes LONGTEXT DEFAULT ('none'),
    opened_at DATETIME(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6),
    code VARCHAR(36) COLLATE utf8mb4_bin DEFAULT (uuid()),
    total DECIMAL(10, 2) GENERATED ALWAYS AS (id * 2) VIRTUAL,
    state_length INT GENERATED ALWAYS AS (char_length(state)) STORED,
    payload JSON,
    CONSTRAINT pk_tickets PRIMARY KEY (id)
) AUTO_INCREMENT = 1000 COMMENT = 'support tickets: ''quoted'', \\ backslashed';

