CREATE TABLE users (
    id BIGINT IDENTITY(1, 1) NOT NULL,
    email NVARCHAR(255) NOT NULL,
    bio NVARCHAR(MAX) NULL,
    score DECIMAL(10, 2) NOT NULL CONSTRAINT [DF_users_score] DEFAULT 0,
    manager_id BIGINT NULL,
    CONSTRAINT pk_users PRIMARY KEY (id),
    CONSTRAINT fk_users_manager_id_users FOREIGN KEY (manager_id) REFERENCES users (id) ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT uq_users_email UNIQUE (email),
    CONSTRAINT ck_users_score CHECK (score >= 0)
);
GO

