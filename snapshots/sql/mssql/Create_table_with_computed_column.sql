CREATE TABLE boxes (
    id INT IDENTITY(1, 1) NOT NULL,
    w FLOAT NOT NULL,
    area AS (w * w) PERSISTED,
    CONSTRAINT pk_boxes PRIMARY KEY (id)
);
GO

