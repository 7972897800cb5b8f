CREATE TABLE users (
    id BIGINT NOT NULL AUTO_INCREMENT,
    email VARCHAR(255) NOT NULL,
    bio LONGTEXT,
    score DECIMAL(10, 2) NOT NULL DEFAULT 0,
    manager_id BIGINT,
    CONSTRAINT pk_users PRIMARY KEY (id),
    CONSTRAINT fk_users_manager_id_users FOREIGN KEY (manager_id) REFERENCES users (id) ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT uq_users_email UNIQUE (email),
    CONSTRAINT ck_users_score CHECK (score >= 0)
);

